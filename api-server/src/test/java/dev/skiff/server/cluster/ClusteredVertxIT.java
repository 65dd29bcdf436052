package dev.skiff.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.config.Config;
import dev.skiff.api.Json;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.StoreKey;
import dev.skiff.testing.Await;
import dev.skiff.testing.FreePorts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two api-server replicas wired as in production: clustered Vert.x owning the members. */
class ClusteredVertxIT {

  @Test
  void replicasStartedThroughTheClusterManagerShareOneStore() throws Exception {
    String name = "clustered-" + UUID.randomUUID();
    int first = FreePorts.loopback();
    int second = FreePorts.loopback();
    List<String> members = List.of("127.0.0.1:" + first, "127.0.0.1:" + second);
    ClusterSettings settings =
        ClusterSettings.defaults().withClusterName(name).withMembers(members);
    ClusteredVertx a =
        Await.result(ClusteredVertx.start(HazelcastConfigs.replica(settings.withPort(first))));
    ClusteredVertx b =
        Await.result(ClusteredVertx.start(HazelcastConfigs.replica(settings.withPort(second))));
    try (HzStore storeA = new HzStore(a.vertx(), a.hazelcast());
        HzStore storeB = new HzStore(b.vertx(), b.hazelcast())) {
      ObjectNode pod = Json.mapper().createObjectNode();
      pod.putObject("metadata").put("namespace", "ns").put("name", "p");
      StoreKey key = new StoreKey("pods", "ns", "p");

      ObjectNode created = Await.result(storeA.create(key, pod));

      assertThat(a.hazelcast().getCluster().getMembers()).hasSize(2);
      assertThat(Await.result(storeB.get(key))).isEqualTo(created);
    } finally {
      Await.result(b.close());
      Await.result(a.close());
    }
  }

  @Test
  void replicaConfigJoinsOnlyTheListedMembersAndKeepsOneSyncBackup() {
    Config config = HazelcastConfigs.replica(ClusterSettings.defaults());

    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:5701");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getMapConfig(HzStore.OBJECTS_MAP).getBackupCount()).isEqualTo(1);
    assertThat(config.getRingbufferConfig(HzStore.CHANGE_LOG).getBackupCount()).isEqualTo(1);
    assertThat(config.getRingbufferConfig(HzStore.CHANGE_LOG).getAsyncBackupCount()).isZero();
  }
}

package dev.skiff.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.config.Config;
import dev.skiff.api.Json;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.StoreKey;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two api-server replicas wired as in production: clustered Vert.x owning the members. */
class ClusteredVertxIT {

  @Test
  void replicasStartedThroughTheClusterManagerShareOneStore() throws Exception {
    String name = "clustered-" + UUID.randomUUID();
    int first = freePort();
    int second = freePort();
    List<String> members = List.of("127.0.0.1:" + first, "127.0.0.1:" + second);
    ClusterSettings settings =
        ClusterSettings.defaults().withClusterName(name).withMembers(members);
    ClusteredVertx a =
        await(ClusteredVertx.start(HazelcastConfigs.replica(settings.withPort(first))));
    ClusteredVertx b =
        await(ClusteredVertx.start(HazelcastConfigs.replica(settings.withPort(second))));
    try (HzStore storeA = new HzStore(a.vertx(), a.hazelcast());
        HzStore storeB = new HzStore(b.vertx(), b.hazelcast())) {
      ObjectNode pod = Json.mapper().createObjectNode();
      pod.putObject("metadata").put("namespace", "ns").put("name", "p");
      StoreKey key = new StoreKey("pods", "ns", "p");

      ObjectNode created = await(storeA.create(key, pod));

      assertThat(a.hazelcast().getCluster().getMembers()).hasSize(2);
      assertThat(await(storeB.get(key))).isEqualTo(created);
    } finally {
      await(b.close());
      await(a.close());
    }
  }

  @Test
  void replicaConfigJoinsOnlyTheListedMembersAndKeepsOneSyncBackup() {
    Config config = HazelcastConfigs.replica(ClusterSettings.defaults());

    assertThat(config.getAdvancedNetworkConfig().getJoin().getMulticastConfig().isEnabled())
        .isFalse();
    assertThat(config.getAdvancedNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("127.0.0.1:5701");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getMapConfig(HzStore.OBJECTS_MAP).getBackupCount()).isEqualTo(1);
    assertThat(config.getRingbufferConfig(HzStore.CHANGE_LOG).getBackupCount()).isEqualTo(1);
    assertThat(config.getRingbufferConfig(HzStore.CHANGE_LOG).getAsyncBackupCount()).isZero();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

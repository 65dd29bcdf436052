package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.Json;
import dev.skiff.server.testing.TestMembers;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** Api-server replicas in this JVM: a Hazelcast member, a Vert.x and an HzStore each. */
final class TestReplicas implements AutoCloseable {
  record Replica(HazelcastInstance hazelcast, Vertx vertx, HzStore store) {}

  private final List<Replica> replicas = new ArrayList<>();

  static TestReplicas start(int count, HzStoreOptions options, int changeLogCapacity) {
    TestReplicas cluster = new TestReplicas();
    TestMembers members =
        TestMembers.cluster(
            "store-test", settings -> settings.withChangeLogCapacity(changeLogCapacity));
    for (int i = 0; i < count; i++) {
      HazelcastInstance hz = members.start();
      Vertx vertx = Vertx.vertx();
      cluster.replicas.add(new Replica(hz, vertx, new HzStore(vertx, hz, options)));
    }
    cluster.replicas.forEach(r -> Await.result(r.store().ready()));
    // Writes are backed up synchronously only to partition replicas that exist: wait until the
    // partitions have migrated to the new members (as an operator waits before killing a replica).
    TestMembers.awaitClusterSafe(cluster.replicas.stream().map(Replica::hazelcast).toList());
    return cluster;
  }

  Replica get(int index) {
    return replicas.get(index);
  }

  HzStore store(int index) {
    return replicas.get(index).store();
  }

  /** Kills a replica's member abruptly, as a crashed process would vanish. */
  void kill(int index) {
    Replica replica = replicas.get(index);
    replica.hazelcast().getLifecycleService().terminate();
    replica.store().close();
    Await.result(replica.vertx().close());
  }

  @Override
  public void close() {
    for (Replica replica : replicas) {
      replica.store().close();
      replica.hazelcast().getLifecycleService().terminate();
      replica.vertx().close();
    }
  }

  static ObjectNode pod(String namespace, String name) {
    ObjectNode pod = Json.mapper().createObjectNode();
    pod.put("apiVersion", "v1").put("kind", "Pod");
    pod.putObject("metadata").put("namespace", namespace).put("name", name);
    pod.putObject("spec").put("counter", 0);
    return pod;
  }

  static long rv(ObjectNode object) {
    return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
  }
}

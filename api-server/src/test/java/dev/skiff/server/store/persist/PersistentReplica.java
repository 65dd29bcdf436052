package dev.skiff.server.store.persist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.Json;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.testing.TestMembers;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.UUID;

/** A one-member cluster whose store persists in a data directory, as {@code skiff up} runs it. */
public record PersistentReplica(HazelcastInstance hazelcast, Vertx vertx, HzStore store)
    implements AutoCloseable {

  /** A fresh member (new cluster name, new port) on {@code dataDir}; its store is loaded. */
  static PersistentReplica start(Path dataDir, int changeLogCapacity) {
    HazelcastInstance hazelcast =
        TestMembers.cluster(
                "persist-test",
                settings -> settings.withChangeLogCapacity(changeLogCapacity).withDataDir(dataDir))
            .start();
    Vertx vertx = Vertx.vertx();
    try {
      HzStore store = new HzStore(vertx, hazelcast);
      Await.result(store.ready());
      return new PersistentReplica(hazelcast, vertx, store);
    } catch (RuntimeException e) {
      vertx.close();
      hazelcast.shutdown();
      throw e;
    }
  }

  /** Stops the store and shuts the member down gracefully, as {@code skiff down} does. */
  @Override
  public void close() {
    store.close();
    Await.result(vertx.close());
    hazelcast.shutdown();
  }

  public static ObjectNode object(String kind, String namespace, String name) {
    ObjectNode object = Json.mapper().createObjectNode();
    object.put("apiVersion", "v1").put("kind", kind);
    object
        .putObject("metadata")
        .put("namespace", namespace)
        .put("name", name)
        .put("uid", UUID.randomUUID().toString());
    object.putObject("spec").put("counter", 0);
    return object;
  }

  static long rv(ObjectNode object) {
    return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
  }
}

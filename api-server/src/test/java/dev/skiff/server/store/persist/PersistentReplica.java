package dev.skiff.server.store.persist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.Json;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.store.HzStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A one-member cluster whose store persists in a data directory, as {@code skiff up} runs it. */
public record PersistentReplica(HazelcastInstance hazelcast, Vertx vertx, HzStore store)
    implements AutoCloseable {

  /** A fresh member (new cluster name, new port) on {@code dataDir}; its store is loaded. */
  static PersistentReplica start(Path dataDir, int changeLogCapacity) {
    int port = freePort();
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName("persist-test-" + UUID.randomUUID())
            .withPort(port)
            .withMembers(List.of("127.0.0.1:" + port))
            .withChangeLogCapacity(changeLogCapacity)
            .withDataDir(dataDir);
    HazelcastInstance hazelcast =
        Hazelcast.newHazelcastInstance(HazelcastConfigs.replica(settings));
    Vertx vertx = Vertx.vertx();
    try {
      HzStore store = new HzStore(vertx, hazelcast);
      await(store.ready());
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
    await(vertx.close());
    hazelcast.shutdown();
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.skiff.cli.embedded;

import dev.skiff.cli.ReadyInfo;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.ClusteredVertx;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.store.HzStore;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A whole cluster in one JVM: a single-member Hazelcast store, the api-server (with its
 * controllers) and the node agents. Lifecycle: {@link #start()} once, then {@link #stop()}. The
 * store persists in {@code <cluster dir>/data/store}, so the next start finds the same objects.
 */
public final class EmbeddedCluster {
  private final EmbeddedOptions options;
  private final List<String> steps = new ArrayList<>();
  private ClusteredVertx clustered;
  private HzStore store;

  public EmbeddedCluster(EmbeddedOptions options) {
    this.options = options;
  }

  /** Starts everything; completes when the cluster is usable. */
  public Future<ReadyInfo> start() {
    long t0 = System.nanoTime();
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName("skiff-" + options.name() + "-" + UUID.randomUUID())
            .withPort(freePort())
            .withChangeLogCapacity(50_000)
            .withDataDir(options.dir().resolve("data"));
    settings = settings.withMembers(List.of("127.0.0.1:" + settings.port()));
    return ClusteredVertx.start(HazelcastConfigs.replica(settings))
        .compose(
            c -> {
              clustered = c;
              // Off the event loop: the store loads the cluster's saved state as it is built.
              return c.vertx().executeBlocking(() -> new HzStore(c.vertx(), c.hazelcast()));
            })
        .compose(
            s -> {
              store = s;
              return store.ready();
            })
        .compose(
            v -> {
              step("store (Hazelcast)", t0);
              long t1 = System.nanoTime();
              ApiServerOptions apiOptions =
                  ApiServerOptions.defaults(token())
                      .withPort(0)
                      .withKubeconfigOut(options.dir().resolve("kubeconfig"));
              ApiServerVerticle api = new ApiServerVerticle(store, apiOptions);
              return clustered
                  .vertx()
                  .deployVerticle(api)
                  .map(
                      id -> {
                        step("api-server", t1);
                        return api.url();
                      });
            })
        .map(
            url ->
                new ReadyInfo(
                    url,
                    options.dir().resolve("kubeconfig").toString(),
                    List.of(),
                    null,
                    List.copyOf(steps)));
  }

  /** Stops everything this cluster started. */
  public Future<Void> stop() {
    if (clustered == null) {
      return Future.succeededFuture();
    }
    if (store != null) {
      store.close();
    }
    return clustered.close();
  }

  private void step(String what, long startNanos) {
    steps.add(what + " " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
  }

  private String token() {
    try {
      Path file = options.dir().resolve("data").resolve("token");
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      String token = HexFormat.of().formatHex(bytes);
      Files.writeString(file, token);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

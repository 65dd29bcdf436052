package dev.skiff.proxy.support;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.client.KubeClient;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.controller.ControlPlane;
import dev.skiff.server.store.HzStore;
import dev.skiff.testing.FreePorts;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real api-server in the test JVM: a one-member Hazelcast cluster on loopback, an {@link
 * HzStore} and an {@link ApiServerVerticle} (https, ephemeral port) on a Vertx of their own, as a
 * separate process would have. No controllers run: tests write EndpointSlices themselves.
 */
public final class ApiServerReplica implements AutoCloseable {
  private final String token = "proxy-it-" + UUID.randomUUID();
  private final HazelcastInstance hazelcast;
  private final Vertx vertx = Vertx.vertx();
  private final HzStore store;
  private final ApiServerVerticle server;

  private ApiServerReplica() throws Exception {
    int port = FreePorts.loopback();
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName("proxy-it-" + UUID.randomUUID())
            .withPort(port)
            .withMembers(List.of("127.0.0.1:" + port));
    hazelcast = Hazelcast.newHazelcastInstance(HazelcastConfigs.replica(settings));
    store = new HzStore(vertx, hazelcast);
    server = new ApiServerVerticle(store, ApiServerOptions.defaults(token).withPort(0));
    store.ready().compose(v -> vertx.deployVerticle(server)).await(60, TimeUnit.SECONDS);
  }

  /** Starts a replica; close it after the clients that use it. */
  public static ApiServerReplica start() throws Exception {
    return new ApiServerReplica();
  }

  public String url() {
    return server.url();
  }

  /** Writes a kubeconfig for this replica (server, its certificate, the token) to {@code file}. */
  public Path kubeconfig(Path file) throws IOException {
    KubeconfigFile.write(file, url(), token, server.options().certificate(), "proxy-it");
    return file;
  }

  /** A real client of this replica on {@code clientVertx} (blocking: call from the test thread). */
  public KubeClient client(Vertx clientVertx) {
    return ControlPlane.localClient(clientVertx, url(), token);
  }

  @Override
  public void close() throws Exception {
    try {
      store.close();
      vertx.close().await(30, TimeUnit.SECONDS);
    } finally {
      hazelcast.getLifecycleService().terminate();
    }
  }
}

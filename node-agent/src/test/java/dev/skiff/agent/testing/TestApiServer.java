package dev.skiff.agent.testing;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.client.KubeClient;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.store.HzStore;
import dev.skiff.testing.Await;
import dev.skiff.testing.FreePorts;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;

/** A real, single-replica api-server in this JVM (Hazelcast member, store, HTTP) on a free port. */
public final class TestApiServer implements AutoCloseable {
  public static final String TOKEN = "node-agent-test-token";

  private final HazelcastInstance hazelcast;
  private final Vertx vertx;
  private final HzStore store;
  private final ApiServerVerticle server;
  private final KubeClient client;

  private TestApiServer(
      HazelcastInstance hz,
      Vertx vertx,
      HzStore store,
      ApiServerVerticle server,
      KubeClient client) {
    this.hazelcast = hz;
    this.vertx = vertx;
    this.store = store;
    this.server = server;
    this.client = client;
  }

  public static TestApiServer start() {
    return start(null);
  }

  /**
   * With {@code kubeconfig} non-null: TLS with a self-signed certificate (kubectl sends its token
   * only over TLS) and a kubeconfig written there for kubectl and the agent.
   */
  public static TestApiServer start(java.nio.file.Path kubeconfig) {
    int port = FreePorts.loopback();
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName("agent-test-" + UUID.randomUUID())
            .withPort(port)
            .withMembers(List.of("127.0.0.1:" + port));
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastConfigs.replica(settings));
    Vertx vertx = Vertx.vertx();
    HzStore store = new HzStore(vertx, hz);
    Await.result(store.ready());
    ApiServerOptions options = ApiServerOptions.defaults(TOKEN).withPort(0);
    options =
        kubeconfig == null ? options.withCertificate(null) : options.withKubeconfigOut(kubeconfig);
    ApiServerVerticle server = new ApiServerVerticle(store, options);
    Await.result(vertx.deployVerticle(server));
    KubeClient client =
        kubeconfig == null
            ? new KubeClient(vertx, server.url(), TOKEN)
            : KubeClient.fromKubeconfig(vertx, kubeconfig);
    return new TestApiServer(hz, vertx, store, server, client);
  }

  public String url() {
    return server.url();
  }

  /** A client of the test's own (not the agent's). */
  public KubeClient client() {
    return client;
  }

  @Override
  public void close() {
    Await.result(client.close());
    store.close();
    Await.result(vertx.close());
    hazelcast.getLifecycleService().terminate();
  }
}

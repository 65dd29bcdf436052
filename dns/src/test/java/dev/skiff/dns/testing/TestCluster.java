package dev.skiff.dns.testing;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.client.KubeClient;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.cluster.ClusterSettings;
import dev.skiff.server.cluster.HazelcastConfigs;
import dev.skiff.server.controller.ControlPlane;
import dev.skiff.server.store.HzStore;
import dev.skiff.testing.FreePorts;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A real single-replica api-server in this JVM (Hazelcast member, store, HTTP) with Service
 * allocation (ClusterIPs from 127.10.0.0/16), on a free loopback port.
 */
public final class TestCluster implements AutoCloseable {
  public static final String TOKEN = "dns-test-token";

  private final HazelcastInstance hazelcast;
  private final Vertx vertx;
  private final HzStore store;
  private final ApiServerVerticle api;
  private final KubeClient client;

  private TestCluster(HazelcastInstance hz, Vertx vertx, HzStore store, ApiServerVerticle api) {
    this.hazelcast = hz;
    this.vertx = vertx;
    this.store = store;
    this.api = api;
    this.client = new KubeClient(vertx, api.url(), TOKEN);
  }

  public static TestCluster start() {
    int port = FreePorts.loopback();
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName("dns-test-" + UUID.randomUUID())
            .withPort(port)
            .withMembers(List.of("127.0.0.1:" + port));
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastConfigs.replica(settings));
    Vertx vertx = Vertx.vertx();
    HzStore store = new HzStore(vertx, hz);
    store.ready().await();
    ControlPlane plane = new ControlPlane(hz, AllocationOptions.defaults(), Clock.systemUTC());
    plane.rebuild(vertx, store).await();
    ApiServerVerticle api =
        new ApiServerVerticle(
            store, plane.apply(ApiServerOptions.defaults(TOKEN).withPort(0).withCertificate(null)));
    vertx.deployVerticle(api).await();
    return new TestCluster(hz, vertx, store, api);
  }

  public String url() {
    return api.url();
  }

  /** A client of the test's own. */
  public KubeClient client() {
    return client;
  }

  /** A new client on another Vert.x (the DNS server's). */
  public KubeClient client(Vertx other) {
    return new KubeClient(other, api.url(), TOKEN);
  }

  @Override
  public void close() {
    client.close().await();
    store.close(); // before Vert.x: it ends watches on their contexts
    vertx.close().await();
    hazelcast.getLifecycleService().terminate();
  }
}

package dev.skiff.server.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.client.KubeClient;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.controller.ControlPlane;
import dev.skiff.server.store.HzStore;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * One real api-server replica in the test JVM, for the tests of every module that needs an API
 * server (node-agent, dns, service-proxy): a one-member Hazelcast cluster on a free loopback port,
 * an {@link HzStore} and an {@link ApiServerVerticle} on an ephemeral port, on a Vert.x of their
 * own as a separate process would have. No controllers run; with {@link Spec#withAllocation()}
 * Services get ClusterIPs and NodePorts as on a real server.
 */
public final class TestApiServer implements AutoCloseable {
  /** What to start. */
  public record Spec(boolean tls, Path kubeconfigOut, AllocationOptions allocation) {
    /** Plain HTTP. */
    public static Spec http() {
      return new Spec(false, null, null);
    }

    /** HTTPS with a self-signed certificate (kubectl sends its token only over TLS). */
    public static Spec https() {
      return new Spec(true, null, null);
    }

    /** HTTPS, and the server writes a kubeconfig for it (with its certificate) to {@code file}. */
    public Spec withKubeconfigOut(Path file) {
      return new Spec(true, file, allocation);
    }

    /** Service allocation (default ranges) as admission, as on a real server. */
    public Spec withAllocation() {
      return new Spec(tls, kubeconfigOut, AllocationOptions.defaults());
    }
  }

  private final String token = "test-token-" + UUID.randomUUID();
  private final Spec spec;
  private final HazelcastInstance hazelcast;
  private final Vertx vertx = Vertx.vertx();
  private final HzStore store;
  private final ApiServerVerticle server;
  private final KubeClient client;

  private TestApiServer(Spec spec) {
    this.spec = spec;
    this.hazelcast = TestMembers.cluster("test-api-server").start();
    this.store = new HzStore(vertx, hazelcast);
    try {
      ApiServerOptions options = ApiServerOptions.defaults(token).withPort(0);
      if (!spec.tls()) {
        options = options.withCertificate(null);
      } else if (spec.kubeconfigOut() != null) {
        options = options.withKubeconfigOut(spec.kubeconfigOut());
      }
      Future<Void> ready = store.ready();
      if (spec.allocation() != null) {
        ControlPlane plane = new ControlPlane(hazelcast, spec.allocation(), Clock.systemUTC());
        ready = ready.compose(v -> plane.rebuild(vertx, store));
        options = plane.apply(options);
      }
      this.server = new ApiServerVerticle(store, options);
      Await.result(ready.compose(v -> vertx.deployVerticle(server)));
      this.client = client(vertx);
    } catch (RuntimeException e) {
      TestMembers.terminate(store, vertx, hazelcast);
      throw e;
    }
  }

  /** Plain HTTP, no allocation. */
  public static TestApiServer start() {
    return start(Spec.http());
  }

  /** HTTPS; the server writes a kubeconfig for kubectl and agents to {@code kubeconfig}. */
  public static TestApiServer start(Path kubeconfig) {
    return start(Spec.https().withKubeconfigOut(kubeconfig));
  }

  public static TestApiServer start(Spec spec) {
    return new TestApiServer(spec);
  }

  public String url() {
    return server.url();
  }

  /** The bearer token the server accepts. */
  public String token() {
    return token;
  }

  /** A client of the test's own, on the server's Vert.x (closed with the server). */
  public KubeClient client() {
    return client;
  }

  /**
   * A new client on {@code other} (for example the Vert.x of the component under test): through the
   * server's kubeconfig when it wrote one, else trusting the server's certificate.
   */
  public KubeClient client(Vertx other) {
    return spec.kubeconfigOut() != null
        ? KubeClient.fromKubeconfig(other, spec.kubeconfigOut())
        : ControlPlane.localClient(other, url(), token);
  }

  /** Writes a kubeconfig for this server (address, certificate, token) to {@code file}. */
  public Path kubeconfig(Path file) {
    try {
      KubeconfigFile.write(file, url(), token, server.options().certificate(), "skiff-test");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Await.quietly(client.close(), Await.TIMEOUT);
    TestMembers.terminate(store, vertx, hazelcast);
  }
}

package dev.skiff.server.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.skiff.api.client.KubeClient;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.auth.KubeconfigFile;
import dev.skiff.server.controller.ControlPlane;
import dev.skiff.server.controller.ControllerManager;
import dev.skiff.server.controller.ControllerOptions;
import dev.skiff.server.controller.leader.LeaderOptions;
import dev.skiff.server.controller.nodelifecycle.NodeLifecycleOptions;
import dev.skiff.server.store.HzStore;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Api-server replicas with their control planes in this JVM: per replica a Hazelcast member, an
 * HzStore, the allocation admission and GC hook, the HTTP verticle (plain HTTP on an ephemeral
 * loopback port) and, unless disabled, a ControllerManager with short test timings.
 */
public final class TestCluster implements AutoCloseable {
  public static final String TOKEN = "ctrl-test-" + UUID.randomUUID();

  /** One replica. */
  public record Replica(
      HazelcastInstance hazelcast,
      Vertx vertx,
      HzStore store,
      ControlPlane plane,
      ApiServerVerticle server,
      KubeClient client,
      ControllerManager manager) {
    public String url() {
      return server.url();
    }
  }

  /** What to start. */
  public record Spec(
      int replicas,
      boolean controllers,
      AllocationOptions allocation,
      ControllerOptions control,
      boolean tls) {
    public static Spec of(int replicas) {
      return new Spec(replicas, true, fastAllocation(), fastControllers(), false);
    }

    public Spec withoutControllers() {
      return new Spec(replicas, false, allocation, control, tls);
    }

    public Spec withAllocation(AllocationOptions value) {
      return new Spec(replicas, controllers, value, control, tls);
    }

    public Spec withControl(ControllerOptions value) {
      return new Spec(replicas, controllers, allocation, value, tls);
    }

    /** Serve https with a self-signed certificate (kubectl sends its token only over TLS). */
    public Spec withTls() {
      return new Spec(replicas, controllers, allocation, control, true);
    }
  }

  private final List<Replica> replicas = new ArrayList<>();

  public static AllocationOptions fastAllocation() {
    return AllocationOptions.defaults().withRepair(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  public static ControllerOptions fastControllers() {
    return ControllerOptions.defaults()
        .withLeader(
            LeaderOptions.defaults("test-" + UUID.randomUUID())
                .withTiming(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(300)))
        .withNodeLifecycle(
            new NodeLifecycleOptions(
                Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(3)))
        .withResync(Duration.ofSeconds(10));
  }

  public static TestCluster start(Spec spec) {
    TestCluster cluster = new TestCluster();
    TestMembers members =
        TestMembers.cluster("ctrl-test", settings -> settings.withChangeLogCapacity(100_000));
    try {
      for (int i = 0; i < spec.replicas(); i++) {
        HazelcastInstance hz = members.start();
        cluster.replicas.add(cluster.startReplica(hz, spec, i));
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private Replica startReplica(HazelcastInstance hz, Spec spec, int index) {
    Vertx vertx = Vertx.vertx();
    HzStore store = new HzStore(vertx, hz);
    ControlPlane plane = new ControlPlane(hz, spec.allocation(), spec.control().clock());
    ApiServerOptions base = ApiServerOptions.defaults(TOKEN).withPort(0);
    ApiServerOptions options = plane.apply(spec.tls() ? base : base.withCertificate(null));
    ApiServerVerticle server = new ApiServerVerticle(store, options);
    Await.result(
        store
            .ready()
            .compose(v -> plane.rebuild(vertx, store))
            .compose(v -> vertx.deployVerticle(server)));
    KubeClient client = ControlPlane.localClient(vertx, server.url(), TOKEN);
    ControllerManager manager = null;
    if (spec.controllers()) {
      ControllerOptions control =
          spec.control()
              .withLeader(
                  new LeaderOptions(
                      spec.control().leader().namespace(),
                      spec.control().leader().name(),
                      "replica-" + index + "-" + UUID.randomUUID(),
                      spec.control().leader().leaseDuration(),
                      spec.control().leader().renewDeadline(),
                      spec.control().leader().retryPeriod()));
      manager = Await.result(plane.startControllers(vertx, client, control));
      server.metrics().add(manager::scrape);
    }
    return new Replica(hz, vertx, store, plane, server, client, manager);
  }

  /** Writes a kubeconfig for kubectl pointing at replica {@code index}. */
  public Path kubeconfig(Path file, int index) {
    Replica r = replicas.get(index);
    try {
      KubeconfigFile.write(file, r.url(), TOKEN, r.server().options().certificate(), "skiff");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public Replica replica(int index) {
    return replicas.get(index);
  }

  public KubeClient client() {
    return replicas.get(0).client();
  }

  public int size() {
    return replicas.size();
  }

  /**
   * Kills a replica abruptly (no lease release), as a crashed process would vanish. It first waits
   * until every partition has its synchronous backup in place (Hazelcast's "cluster safe"): a
   * member lost while the partitions of a just-joined member are still migrating can take data with
   * it, which is Hazelcast's guarantee and not what these tests are about.
   */
  public void kill(int index) {
    Replica r = replicas.get(index);
    TestMembers.awaitClusterSafe(replicas.stream().map(Replica::hazelcast).toList());
    r.hazelcast().getLifecycleService().terminate();
    r.store().close();
    r.vertx().close();
  }

  @Override
  public void close() {
    for (Replica r : replicas) {
      TestMembers.terminate(r.store(), r.vertx(), r.hazelcast());
    }
    replicas.clear();
  }
}

package dev.skiff.cli.embedded;

import com.hazelcast.config.Config;
import dev.skiff.agent.node.JvmMemory;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.Kubeconfig;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.server.ApiServerOptions;
import dev.skiff.server.ApiServerVerticle;
import dev.skiff.server.alloc.AllocationOptions;
import dev.skiff.server.cluster.ClusteredVertx;
import dev.skiff.server.controller.ControlPlane;
import dev.skiff.server.controller.ControllerOptions;
import dev.skiff.server.controller.kubernetes.KubernetesServiceOptions;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.store.StoreRestore;
import dev.skiff.server.store.persist.ReplicaDisk;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API server replica with its controllers, the piece both {@code skiff up} (one replica in the
 * cluster's JVM) and {@code skiff server} (a replica per machine) are made of: a Hazelcast member
 * and its clustered Vert.x, the store, the control plane (allocation, GC hook), the HTTP verticle,
 * this replica's share of {@code default/kubernetes}, and the controller manager (leader-elected
 * across replicas). Start in that order: {@link #start}, {@link #serve}, {@link #startControllers};
 * then {@link #stop}.
 */
public final class ServerReplica {
  private static final Logger LOG = LoggerFactory.getLogger(ServerReplica.class);

  /** How long a stopping replica with a disk waits for its copy to reach the log's tail. */
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

  private final ClusteredVertx clustered;
  private final HzStore store;
  private final ReplicaDisk disk;
  private ControlPlane plane;
  private ApiServerVerticle api;
  private KubeClient client;
  private InformerFactory informers;

  private ServerReplica(ClusteredVertx clustered, HzStore store, ReplicaDisk disk) {
    this.clustered = clustered;
    this.store = store;
    this.disk = disk;
  }

  /**
   * Starts the member and the store; {@code prepare} runs off the event loop first (the store loads
   * any saved state as it is built). Fails if the member cannot start.
   */
  public static Future<ServerReplica> start(
      VertxOptions vertxOptions, Config hazelcast, Callable<Void> prepare) {
    return start(
        vertxOptions,
        hazelcast,
        c -> {
          prepare.call();
          return new HzStore(c.vertx(), c.hazelcast());
        },
        null);
  }

  /**
   * Starts a replica that keeps its own copy of the store on {@code disk} ({@code skiff server}):
   * once its member joined, the store is restored from the replicas' disks if the cluster has none
   * (see {@link StoreRestore}; {@code replicas} is the most replicas the cluster had), and the copy
   * follows the cluster's store from then on. The disk closes when the replica stops.
   */
  public static Future<ServerReplica> startWithDisk(
      VertxOptions vertxOptions,
      Config hazelcast,
      ReplicaDisk disk,
      IntSupplier replicas,
      Duration restoreWait) {
    return start(
        vertxOptions,
        disk.attach(hazelcast),
        c -> {
          disk.restoredSequence(
              StoreRestore.run(c.hazelcast(), disk, replicas.getAsInt(), restoreWait));
          return new HzStore(c.vertx(), c.hazelcast(), HzStoreOptions.defaults(), disk);
        },
        disk);
  }

  private interface StoreBuilder {
    HzStore build(ClusteredVertx clustered) throws Exception;
  }

  private static Future<ServerReplica> start(
      VertxOptions vertxOptions, Config hazelcast, StoreBuilder builder, ReplicaDisk disk) {
    return ClusteredVertx.start(vertxOptions, hazelcast)
        .compose(
            c ->
                c.vertx()
                    .executeBlocking(() -> builder.build(c))
                    .compose(store -> store.ready().map(v -> new ServerReplica(c, store, disk)))
                    .recover(e -> c.close().transform(ignored -> Future.failedFuture(e))));
  }

  /**
   * Serves the API with Service allocation and the control plane's admission; {@code deploy}
   * deploys the verticle (choosing its port). Completes when it listens.
   */
  public Future<ApiServerVerticle> serve(
      AllocationOptions allocation,
      ApiServerOptions options,
      Function<ApiServerOptions, Future<ApiServerVerticle>> deploy) {
    plane = new ControlPlane(clustered.hazelcast(), allocation, Clock.systemUTC());
    ApiServerOptions applied = plane.apply(options);
    return plane
        .rebuild(vertx(), store)
        .compose(v -> deploy.apply(applied))
        .onSuccess(deployed -> api = deployed);
  }

  /** The default deployment: the verticle as it is, on the options' port. */
  public Function<ApiServerOptions, Future<ApiServerVerticle>> deployOn(
      Function<ApiServerOptions, ApiServerVerticle> verticle) {
    return options -> {
      ApiServerVerticle created = verticle.apply(options);
      return vertx().deployVerticle(created).map(id -> created);
    };
  }

  /**
   * This replica's share of {@code default/kubernetes} (reached at {@code advertise}) and the
   * controllers, through a client of this replica that verifies its certificate. Completes with
   * that client.
   */
  public Future<KubeClient> startControllers(
      String advertise, String serviceCidr, ControllerOptions controllers) {
    Vertx vertx = vertx();
    ApiServerOptions options = api.options();
    return vertx
        .executeBlocking(
            () ->
                new KubeClient(
                    vertx,
                    new Kubeconfig(
                        localUrl(advertise),
                        options.token(),
                        options.certificate() == null
                            ? null
                            : options.certificate().certificatePem(),
                        false)))
        .compose(
            c -> {
              client = c;
              // One watch and cache per kind for every component of this JVM (controllers and, in
              // an embedded cluster, node agents, proxies, DNS servers), not one each.
              informers = InformerFactory.shared(vertx, c);
              return plane.startKubernetesService(
                  vertx,
                  c,
                  KubernetesServiceOptions.of(advertise, api.actualPort(), serviceCidr),
                  Clock.systemUTC());
            })
        .compose(k -> plane.startControllers(vertx, client, controllers.withInformers(informers)))
        .map(
            manager -> {
              api.metrics().add(manager::scrape);
              api.metrics().add(() -> Future.succeededFuture(JvmMemory.read().metrics()));
              return client;
            });
  }

  /** This replica's URL as its own clients use it: the advertised address if bound to any. */
  private String localUrl(String advertise) {
    String host = api.options().host();
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return api.url();
    }
    String literal = advertise.contains(":") ? "[" + advertise + "]" : advertise;
    return api.options().scheme() + "://" + literal + ":" + api.actualPort();
  }

  public Vertx vertx() {
    return clustered.vertx();
  }

  public ClusteredVertx clustered() {
    return clustered;
  }

  /** The informers this replica's controllers share (after {@link #startControllers}). */
  public InformerFactory informers() {
    return informers;
  }

  public HzStore store() {
    return store;
  }

  public ApiServerVerticle api() {
    return api;
  }

  /**
   * Leaves the cluster: closes the store (a replica with a disk copies the whole log to it first),
   * then the member and its Vert.x, then the disk.
   */
  public Future<Void> stop() {
    if (disk != null) {
      // blocking, on a thread of its own: stop() runs on the stopping thread (SIGTERM's hook),
      // never on an event loop; closing Vert.x from one of its own contexts would wait on itself
      try {
        CompletableFuture.runAsync(() -> store.flush(FLUSH_WAIT))
            .get(FLUSH_WAIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        LOG.warn("could not copy the whole change log to disk: {}", e.toString());
      }
    }
    store.close();
    return clustered
        .close()
        .onComplete(
            done -> {
              if (disk != null) {
                disk.close();
              }
            });
  }
}

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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One API server replica with its controllers, the piece both {@code skiff up} (one replica in the
 * cluster's JVM) and {@code skiff server} (a replica per machine) are made of: a Hazelcast member
 * and its clustered Vert.x, the store, the control plane (allocation, GC hook), the HTTP verticle,
 * this replica's share of {@code default/kubernetes}, and the controller manager (leader-elected
 * across replicas). Start in that order: {@link #start}, {@link #serve}, {@link #startControllers};
 * then {@link #stop}.
 */
public final class ServerReplica {
  private final ClusteredVertx clustered;
  private final HzStore store;
  private ControlPlane plane;
  private ApiServerVerticle api;
  private KubeClient client;
  private InformerFactory informers;

  private ServerReplica(ClusteredVertx clustered, HzStore store) {
    this.clustered = clustered;
    this.store = store;
  }

  /**
   * Starts the member and the store; {@code prepare} runs off the event loop first (the store loads
   * any saved state as it is built). Fails if the member cannot start.
   */
  public static Future<ServerReplica> start(
      VertxOptions vertxOptions, Config hazelcast, Callable<Void> prepare) {
    return ClusteredVertx.start(vertxOptions, hazelcast)
        .compose(
            c ->
                c.vertx()
                    .executeBlocking(
                        () -> {
                          prepare.call();
                          return new HzStore(c.vertx(), c.hazelcast());
                        })
                    .compose(store -> store.ready().map(v -> new ServerReplica(c, store)))
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

  /** Leaves the cluster: closes the store, then the member and its Vert.x. */
  public Future<Void> stop() {
    store.close();
    return clustered.close();
  }
}

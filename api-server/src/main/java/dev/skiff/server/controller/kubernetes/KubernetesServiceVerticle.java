package dev.skiff.server.controller.kubernetes;

import static dev.skiff.server.controller.kubernetes.KubernetesServiceReconciler.LEASE_NAMESPACE;
import static dev.skiff.server.controller.kubernetes.KubernetesServiceReconciler.NAME;
import static dev.skiff.server.controller.kubernetes.KubernetesServiceReconciler.NAMESPACE;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes' bootstrap controller for one api-server replica, running on every replica: keeps the
 * {@code default/kubernetes} Service (ClusterIP the first address of the service CIDR, port 443
 * "https"), renews this replica's Lease in {@code kube-system}, and writes the Service's Endpoints:
 * the replicas whose Leases are alive. The EndpointSlice mirroring controller turns them into
 * slices, so the proxies route the ClusterIP to the API servers. On stop the replica withdraws. The
 * objects it writes are {@link KubernetesServiceReconciler}'s.
 */
public final class KubernetesServiceVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesServiceVerticle.class);

  private final KubeClient client;
  private final KubernetesServiceOptions options;
  private final Clock clock;
  private long timer = -1;
  private boolean running;

  public KubernetesServiceVerticle(
      KubeClient client, KubernetesServiceOptions options, Clock clock) {
    this.client = client;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    running = true;
    timer = vertx.setPeriodic(options.renewInterval().toMillis(), id -> tick());
    // the first pass runs now, without holding up the replica's start (the next tick retries)
    tick();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    running = false;
    vertx.cancelTimer(timer);
    return client
        .delete(Lease.class, LEASE_NAMESPACE, leaseName(), DeleteOptions.none())
        .recover(e -> Future.succeededFuture())
        .compose(v -> reconcileEndpoints())
        .recover(e -> Future.succeededFuture());
  }

  /** One pass: the Service, this replica's Lease, then the Endpoints. */
  Future<Void> tick() {
    return ensureService()
        .compose(v -> renewLease())
        .compose(v -> running ? reconcileEndpoints() : Future.succeededFuture())
        .onFailure(e -> LOG.debug("kubernetes service: {}", e.getMessage()));
  }

  String leaseName() {
    return KubernetesServiceReconciler.leaseName(options.endpoint());
  }

  private Future<Void> ensureService() {
    return client
        .get(Service.class, NAMESPACE, NAME)
        .<Void>mapEmpty()
        .recover(
            e -> {
              if (!Errors.isNotFound(e)) {
                return Future.failedFuture(e);
              }
              return client
                  .create(service(options.clusterIp()))
                  .recover(
                      c -> {
                        if (Errors.isInvalid(c)) {
                          // the first address is taken (by a Service created before): any other
                          return client.create(service(null));
                        }
                        return Future.failedFuture(c);
                      })
                  .<Void>mapEmpty()
                  .recover(
                      c ->
                          Errors.isAlreadyExists(c)
                              ? Future.succeededFuture()
                              : Future.failedFuture(c));
            });
  }

  private Service service(String clusterIp) {
    return KubernetesServiceReconciler.service(clusterIp, options.port());
  }

  private Future<Void> renewLease() {
    Lease lease = KubernetesServiceReconciler.lease(options, clock.instant());
    return client
        .get(Lease.class, LEASE_NAMESPACE, leaseName())
        .compose(
            live -> {
              lease.meta().resourceVersion = live.meta().resourceVersion;
              return client.update(lease);
            },
            e -> Errors.isNotFound(e) ? client.create(lease) : Future.failedFuture(e))
        .mapEmpty();
  }

  private Future<Void> reconcileEndpoints() {
    return client
        .list(
            Lease.class,
            LEASE_NAMESPACE,
            ListOptions.labelSelector(
                KubernetesEndpoints.IDENTITY_LABEL + "=" + KubernetesEndpoints.IDENTITY))
        .compose(
            leases ->
                client
                    .get(Endpoints.class, NAMESPACE, NAME)
                    .recover(
                        e ->
                            Errors.isNotFound(e)
                                ? Future.succeededFuture()
                                : Future.failedFuture(e))
                    .compose(
                        live -> {
                          Endpoints write =
                              KubernetesServiceReconciler.endpoints(
                                  live, leases.items, clock.instant());
                          if (write == null) {
                            return Future.<Void>succeededFuture();
                          }
                          return (live == null ? client.create(write) : client.update(write))
                              .<Void>mapEmpty();
                        }));
  }
}

package dev.skiff.server.controller.kubernetes;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.coordination.LeaseSpec;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import dev.skiff.server.controller.support.SameJson;
import dev.skiff.server.controller.support.Times;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes' bootstrap controller for one api-server replica, running on every replica: keeps the
 * {@code default/kubernetes} Service (ClusterIP the first address of the service CIDR, port 443
 * "https"), renews this replica's Lease in {@code kube-system}, and writes the Service's Endpoints:
 * the replicas whose Leases are alive. The EndpointSlice mirroring controller turns them into
 * slices, so the proxies route the ClusterIP to the API servers. On stop the replica withdraws.
 */
public final class KubernetesServiceReconciler extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesServiceReconciler.class);
  public static final String NAMESPACE = "default";
  public static final String NAME = "kubernetes";
  static final String LEASE_NAMESPACE = "kube-system";

  private final KubeClient client;
  private final KubernetesServiceOptions options;
  private final Clock clock;
  private long timer = -1;
  private boolean running;

  public KubernetesServiceReconciler(
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
    return "apiserver-" + Integer.toHexString(options.endpoint().hashCode() & 0x7fffffff);
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
    return Json.mapper()
        .convertValue(
            Map.of(
                "metadata",
                Map.of(
                    "name",
                    NAME,
                    "namespace",
                    NAMESPACE,
                    "labels",
                    Map.of("component", "apiserver", "provider", "kubernetes")),
                "spec",
                clusterIp == null
                    ? Map.of("ports", List.of(port()))
                    : Map.of("clusterIP", clusterIp, "ports", List.of(port()))),
            Service.class);
  }

  private Map<String, Object> port() {
    return Map.of(
        "name",
        KubernetesEndpoints.PORT_NAME,
        "port",
        443,
        "protocol",
        "TCP",
        "targetPort",
        options.port());
  }

  private Future<Void> renewLease() {
    Lease lease = new Lease();
    lease.meta().name = leaseName();
    lease.meta().namespace = LEASE_NAMESPACE;
    lease.meta().labels = Map.of(KubernetesEndpoints.IDENTITY_LABEL, KubernetesEndpoints.IDENTITY);
    lease.meta().annotations = Map.of(KubernetesEndpoints.ENDPOINT_ANNOTATION, options.endpoint());
    lease.spec = new LeaseSpec();
    lease.spec.holderIdentity = leaseName();
    lease.spec.leaseDurationSeconds = (int) options.leaseDuration().toSeconds();
    lease.spec.renewTime = Times.micro(clock.instant());
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
            leases -> {
              List<EndpointSubset> want =
                  KubernetesEndpoints.subsets(leases.items, clock.instant());
              return client
                  .get(Endpoints.class, NAMESPACE, NAME)
                  .compose(
                      live -> {
                        if (SameJson.same(live.subsets, want)) {
                          return Future.<Void>succeededFuture();
                        }
                        live.subsets = want;
                        return client.update(live).<Void>mapEmpty();
                      },
                      e -> {
                        if (!Errors.isNotFound(e)) {
                          return Future.failedFuture(e);
                        }
                        Endpoints created = new Endpoints();
                        created.meta().name = NAME;
                        created.meta().namespace = NAMESPACE;
                        created.subsets = want;
                        return client.create(created).<Void>mapEmpty();
                      });
            });
  }
}

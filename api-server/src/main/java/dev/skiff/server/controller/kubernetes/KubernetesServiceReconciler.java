package dev.skiff.server.controller.kubernetes;

import dev.skiff.api.Json;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.coordination.LeaseSpec;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.controller.support.SameJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The desired state of {@code default/kubernetes}, pure: the Service, one replica's Lease, and the
 * Endpoints write the live replicas call for ({@link KubernetesEndpoints}). {@link
 * KubernetesServiceVerticle} reads and writes them.
 */
public final class KubernetesServiceReconciler {
  public static final String NAMESPACE = "default";
  public static final String NAME = "kubernetes";
  static final String LEASE_NAMESPACE = "kube-system";

  private KubernetesServiceReconciler() {}

  /** The Service: port 443 "https" to {@code targetPort}; any free ClusterIP when null. */
  static Service service(String clusterIp, int targetPort) {
    Map<String, Object> port =
        Map.of(
            "name",
            KubernetesEndpoints.PORT_NAME,
            "port",
            443,
            "protocol",
            "TCP",
            "targetPort",
            targetPort);
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
                    ? Map.of("ports", List.of(port))
                    : Map.of("clusterIP", clusterIp, "ports", List.of(port))),
            Service.class);
  }

  /** The name of the Lease of the replica that serves at {@code endpoint} (host:port). */
  static String leaseName(String endpoint) {
    return "apiserver-" + Integer.toHexString(endpoint.hashCode() & 0x7fffffff);
  }

  /** The replica's Lease as renewed at {@code now} (without a resourceVersion). */
  static Lease lease(KubernetesServiceOptions options, Instant now) {
    String name = leaseName(options.endpoint());
    Lease lease = new Lease();
    lease.meta().name = name;
    lease.meta().namespace = LEASE_NAMESPACE;
    lease.meta().labels = Map.of(KubernetesEndpoints.IDENTITY_LABEL, KubernetesEndpoints.IDENTITY);
    lease.meta().annotations = Map.of(KubernetesEndpoints.ENDPOINT_ANNOTATION, options.endpoint());
    lease.spec = new LeaseSpec();
    lease.spec.holderIdentity = name;
    lease.spec.leaseDurationSeconds = (int) options.leaseDuration().toSeconds();
    lease.spec.renewTime = Times.microTime(now);
    return lease;
  }

  /**
   * The Endpoints to write for the replicas' {@code leases} at {@code now}: {@code live} with new
   * subsets, a new object when {@code live} is null, or null when {@code live} is already right.
   */
  static Endpoints endpoints(Endpoints live, List<Lease> leases, Instant now) {
    List<EndpointSubset> want = KubernetesEndpoints.subsets(leases, now);
    if (live == null) {
      Endpoints created = new Endpoints();
      created.meta().name = NAME;
      created.meta().namespace = NAMESPACE;
      created.subsets = want;
      return created;
    }
    if (SameJson.same(live.subsets, want)) {
      return null;
    }
    Endpoints updated = Json.copy(live, Endpoints.class);
    updated.subsets = want;
    return updated;
  }
}

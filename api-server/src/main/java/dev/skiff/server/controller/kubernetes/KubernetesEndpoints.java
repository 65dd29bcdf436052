package dev.skiff.server.controller.kubernetes;

import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.EndpointAddress;
import dev.skiff.api.model.core.EndpointPort;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The endpoints of {@code default/kubernetes}, pure: the api-server replicas whose Leases (label
 * {@link #IDENTITY_LABEL}, endpoint in {@link #ENDPOINT_ANNOTATION}) have not expired, one subset
 * per port, as Kubernetes' lease endpoint reconciler keeps them.
 */
public final class KubernetesEndpoints {
  public static final String IDENTITY_LABEL = "apiserver.kubernetes.io/identity";
  public static final String IDENTITY = "kube-apiserver";
  public static final String ENDPOINT_ANNOTATION = "skiff.dev/advertise-endpoint";
  public static final String PORT_NAME = "https";

  private KubernetesEndpoints() {}

  /** The subsets for the replicas alive at {@code now}, sorted; empty when none is. */
  public static List<EndpointSubset> subsets(List<Lease> leases, Instant now) {
    Map<Integer, TreeSet<String>> byPort = new TreeMap<>();
    for (Lease lease : leases) {
      String endpoint =
          lease.meta().annotations == null
              ? null
              : lease.meta().annotations.get(ENDPOINT_ANNOTATION);
      int colon = endpoint == null ? -1 : endpoint.lastIndexOf(':');
      if (colon <= 0 || !alive(lease, now)) {
        continue;
      }
      try {
        int port = Integer.parseInt(endpoint.substring(colon + 1));
        byPort.computeIfAbsent(port, p -> new TreeSet<>()).add(endpoint.substring(0, colon));
      } catch (NumberFormatException e) {
        // not an endpoint: skip
      }
    }
    List<EndpointSubset> subsets = new ArrayList<>();
    byPort.forEach(
        (port, ips) -> {
          EndpointSubset s = new EndpointSubset();
          s.addresses = new ArrayList<>();
          for (String ip : ips) {
            EndpointAddress a = new EndpointAddress();
            a.ip = ip;
            s.addresses.add(a);
          }
          EndpointPort p = new EndpointPort();
          p.name = PORT_NAME;
          p.port = port;
          p.protocol = "TCP";
          s.ports = new ArrayList<>(List.of(p));
          subsets.add(s);
        });
    return subsets;
  }

  static boolean alive(Lease lease, Instant now) {
    if (lease.spec == null || lease.spec.leaseDurationSeconds == null) {
      return false;
    }
    Instant renewed = Times.parse(lease.spec.renewTime);
    return renewed != null && renewed.plusSeconds(lease.spec.leaseDurationSeconds).isAfter(now);
  }
}

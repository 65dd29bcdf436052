package dev.skiff.server.controller.kubernetes;

import dev.skiff.server.alloc.Ipv4Range;
import java.time.Duration;

/**
 * The {@code default/kubernetes} Service of one api-server replica.
 *
 * @param address the IP clients reach this replica at (its endpoint in the Service)
 * @param port its HTTPS port
 * @param clusterIp the Service's ClusterIP: the first address of the service CIDR, as in Kubernetes
 * @param leaseDuration how long a replica stays an endpoint without renewing its Lease
 * @param renewInterval how often a replica renews its Lease and reconciles the endpoints
 */
public record KubernetesServiceOptions(
    String address, int port, String clusterIp, Duration leaseDuration, Duration renewInterval) {

  /** Lease of 15 s renewed every 5 s. */
  public static KubernetesServiceOptions of(String address, int port, String serviceCidr) {
    return new KubernetesServiceOptions(
        address,
        port,
        Ipv4Range.parse(serviceCidr).valueAt(0),
        Duration.ofSeconds(15),
        Duration.ofSeconds(5));
  }

  public KubernetesServiceOptions withTiming(Duration lease, Duration renew) {
    return new KubernetesServiceOptions(address, port, clusterIp, lease, renew);
  }

  /** This replica's endpoint, {@code address:port}. */
  public String endpoint() {
    return address + ":" + port;
  }
}

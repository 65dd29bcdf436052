package dev.skiff.proxy;

import dev.skiff.proxy.balancer.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How one service-proxy instance runs.
 *
 * @param nodeName the node this proxy runs on (decides which endpoints are local)
 * @param nodeAddresses addresses to bind NodePorts on
 * @param loadBalancer whether this instance plays the LoadBalancer role (binds ingress IPs and
 *     forwards to the NodePorts of healthy nodes)
 * @param nodeProxy whether this instance is a node's proxy (ClusterIP listeners and NodePorts on
 *     {@code nodeAddresses}); false for the LoadBalancer role on its own
 * @param reusePort bind ClusterIP listeners with SO_REUSEPORT, so that the proxies of several nodes
 *     on one host can all serve the same ClusterIPs
 * @param retry connect attempts per new connection
 * @param udpIdleTimeout how long a UDP flow lives without traffic
 * @param minSyncInterval the shortest time between two data plane syncs
 * @param maxSyncInterval the longest time without a sync (periodic repair)
 * @param healthCheckInterval how often the LoadBalancer role checks nodes
 * @param healthCheckPort the node agents' health port ({@code http://<node>:<port>/healthz})
 */
public record ProxyOptions(
    String nodeName,
    List<String> nodeAddresses,
    boolean loadBalancer,
    boolean nodeProxy,
    boolean reusePort,
    RetryPolicy retry,
    Duration udpIdleTimeout,
    Duration minSyncInterval,
    Duration maxSyncInterval,
    Duration healthCheckInterval,
    int healthCheckPort) {

  /** The port kube-proxy serves its own healthz on; node agents use it too. */
  public static final int DEFAULT_HEALTH_PORT = 10256;

  public ProxyOptions {
    nodeName = nodeName == null ? "" : nodeName;
    nodeAddresses = nodeAddresses == null ? List.of() : List.copyOf(nodeAddresses);
  }

  public static ProxyOptions forNode(String nodeName, List<String> nodeAddresses) {
    return new ProxyOptions(
        nodeName,
        nodeAddresses,
        false,
        true,
        true,
        RetryPolicy.KUBE_USERSPACE,
        Duration.ofSeconds(30),
        Duration.ofMillis(100),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        DEFAULT_HEALTH_PORT);
  }

  /**
   * The LoadBalancer role alone, as "a cloud load balancer" outside the nodes would be: listens on
   * each LoadBalancer Service's ingress IPs only (no ClusterIPs, no NodePorts), and forwards to the
   * NodePort of every Ready node whose health check passes.
   */
  public static ProxyOptions forLoadBalancer() {
    return forNode("", List.of()).withLoadBalancer(true).edit(b -> b.nodeProxy = false);
  }

  public ProxyOptions withLoadBalancer(boolean on) {
    return edit(b -> b.loadBalancer = on);
  }

  public ProxyOptions withReusePort(boolean on) {
    return edit(b -> b.reusePort = on);
  }

  public ProxyOptions withRetry(RetryPolicy policy) {
    return edit(b -> b.retry = policy);
  }

  public ProxyOptions withUdpIdleTimeout(Duration timeout) {
    return edit(b -> b.udpIdleTimeout = timeout);
  }

  public ProxyOptions withSyncIntervals(Duration min, Duration max) {
    return edit(
        b -> {
          b.minSyncInterval = min;
          b.maxSyncInterval = max;
        });
  }

  public ProxyOptions withHealthCheck(Duration interval, int port) {
    return edit(
        b -> {
          b.healthCheckInterval = interval;
          b.healthCheckPort = port;
        });
  }

  private ProxyOptions edit(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new ProxyOptions(
        nodeName,
        nodeAddresses,
        f.loadBalancer,
        f.nodeProxy,
        f.reusePort,
        f.retry,
        f.udpIdleTimeout,
        f.minSyncInterval,
        f.maxSyncInterval,
        f.healthCheckInterval,
        f.healthCheckPort);
  }

  /** The settable fields, copied for one edit. */
  private static final class Fields {
    boolean loadBalancer;
    boolean nodeProxy;
    boolean reusePort;
    RetryPolicy retry;
    Duration udpIdleTimeout;
    Duration minSyncInterval;
    Duration maxSyncInterval;
    Duration healthCheckInterval;
    int healthCheckPort;

    Fields(ProxyOptions o) {
      loadBalancer = o.loadBalancer;
      nodeProxy = o.nodeProxy;
      reusePort = o.reusePort;
      retry = o.retry;
      udpIdleTimeout = o.udpIdleTimeout;
      minSyncInterval = o.minSyncInterval;
      maxSyncInterval = o.maxSyncInterval;
      healthCheckInterval = o.healthCheckInterval;
      healthCheckPort = o.healthCheckPort;
    }
  }
}

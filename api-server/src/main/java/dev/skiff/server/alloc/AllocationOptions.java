package dev.skiff.server.alloc;

import java.time.Duration;

/**
 * The allocators' ranges and repair timing. Defaults suit the embedded (process runtime) cluster:
 * everything on loopback sub-ranges.
 *
 * @param serviceCidr where ClusterIPs come from (kube-dns is its 10th address)
 * @param nodePorts the NodePort range
 * @param loadBalancerPool where LoadBalancer ingress IPs come from
 * @param loadBalancerClass the spec.loadBalancerClass this cluster implements; Services naming
 *     another class are left to that implementation (they stay pending here)
 * @param leakGrace how long a claim may exist without a stored Service holding it before the repair
 *     loop releases it (covers the gap between a claim and the write that stores it)
 * @param repairInterval how often the repair loop compares claims with stored Services
 */
public record AllocationOptions(
    Ipv4Range serviceCidr,
    PortRange nodePorts,
    Ipv4Range loadBalancerPool,
    String loadBalancerClass,
    Duration leakGrace,
    Duration repairInterval) {

  public static final String DEFAULT_SERVICE_CIDR = "127.10.0.0/16";
  public static final String DEFAULT_LOAD_BALANCER_POOL = "127.20.0.0/16";
  public static final String DEFAULT_LOAD_BALANCER_CLASS = "skiff.dev/loopback";

  public static AllocationOptions defaults() {
    return new AllocationOptions(
        Ipv4Range.parse(DEFAULT_SERVICE_CIDR),
        PortRange.NODE_PORT_DEFAULT,
        Ipv4Range.parse(DEFAULT_LOAD_BALANCER_POOL),
        DEFAULT_LOAD_BALANCER_CLASS,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  public AllocationOptions withServiceCidr(String cidr) {
    return new AllocationOptions(
        Ipv4Range.parse(cidr),
        nodePorts,
        loadBalancerPool,
        loadBalancerClass,
        leakGrace,
        repairInterval);
  }

  public AllocationOptions withNodePorts(String range) {
    return new AllocationOptions(
        serviceCidr,
        PortRange.parse(range),
        loadBalancerPool,
        loadBalancerClass,
        leakGrace,
        repairInterval);
  }

  public AllocationOptions withLoadBalancerPool(String cidr) {
    return new AllocationOptions(
        serviceCidr,
        nodePorts,
        Ipv4Range.parse(cidr),
        loadBalancerClass,
        leakGrace,
        repairInterval);
  }

  public AllocationOptions withRepair(Duration grace, Duration interval) {
    return new AllocationOptions(
        serviceCidr, nodePorts, loadBalancerPool, loadBalancerClass, grace, interval);
  }
}

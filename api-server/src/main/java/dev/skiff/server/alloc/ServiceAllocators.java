package dev.skiff.server.alloc;

import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The three cluster-wide allocators of one cluster (ClusterIP, NodePort, LoadBalancer IP), each a
 * Hazelcast map shared by every api-server replica.
 */
public final class ServiceAllocators {
  public static final String CLUSTER_IPS_MAP = "skiff.alloc.clusterips";
  public static final String NODE_PORTS_MAP = "skiff.alloc.nodeports";
  public static final String LOAD_BALANCER_IPS_MAP = "skiff.alloc.lbips";

  private final AllocationOptions options;
  private final HzAllocator clusterIps;
  private final HzAllocator nodePorts;
  private final HzAllocator loadBalancerIps;
  private final Clock clock;

  public ServiceAllocators(HazelcastInstance hazelcast, AllocationOptions options, Clock clock) {
    this(hazelcast, options, clock, () -> ThreadLocalRandom.current().nextLong());
  }

  public ServiceAllocators(
      HazelcastInstance hazelcast, AllocationOptions options, Clock clock, RandomGenerator random) {
    this.options = options;
    this.clock = clock;
    this.clusterIps =
        new HzAllocator(options.serviceCidr(), true, hazelcast.getMap(CLUSTER_IPS_MAP), random);
    this.nodePorts =
        new HzAllocator(options.nodePorts(), false, hazelcast.getMap(NODE_PORTS_MAP), random);
    this.loadBalancerIps =
        new HzAllocator(
            options.loadBalancerPool(), true, hazelcast.getMap(LOAD_BALANCER_IPS_MAP), random);
  }

  public AllocationOptions options() {
    return options;
  }

  public Clock clock() {
    return clock;
  }

  public HzAllocator clusterIps() {
    return clusterIps;
  }

  public HzAllocator nodePorts() {
    return nodePorts;
  }

  public HzAllocator loadBalancerIps() {
    return loadBalancerIps;
  }

  public List<HzAllocator> all() {
    return List.of(clusterIps, nodePorts, loadBalancerIps);
  }

  /** A claim for the Service with this uid and key, made now. */
  public Claim claimFor(String uid, String namespace, String name) {
    return new Claim(uid, namespace + "/" + name, clock.millis());
  }
}

package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.balancer.RoundRobinBalancer;
import dev.skiff.proxy.metrics.ServiceStats;
import dev.skiff.proxy.model.BackendEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live backends of one {@link PoolKey}: a balancer reprogrammed in place on every sync, so that
 * listeners pointing at it switch atomically and established connections are untouched.
 */
final class Backends {
  final PoolKey key;
  final ServiceStats stats;
  final RoundRobinBalancer<Target> balancer = new RoundRobinBalancer<>();
  private volatile Set<Target> members = Set.of();

  Backends(PoolKey key, ServiceStats stats) {
    this.key = key;
    this.stats = stats;
  }

  void update(Pool pool) {
    List<Target> targets = new ArrayList<>(pool.targets().size());
    for (BackendEndpoint e : pool.targets()) {
      String hostPort = e.hostPort();
      targets.add(new Target(e.ip(), e.port(), hostPort, stats.endpoint(hostPort)));
    }
    balancer.update(targets, pool.affinity());
    members = Set.copyOf(targets);
  }

  boolean contains(Target target) {
    return members.contains(target);
  }

  Set<String> hostPorts() {
    return members.stream().map(t -> t.hostPort).collect(Collectors.toSet());
  }
}

package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.dataplane.PoolKey.Kind;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.NodeInfo;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.model.TrafficPolicy;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pure: turns a snapshot into listeners and backend pools. ClusterIP:port forwards to all Ready
 * endpoints; NodePort on every node address forwards to all of them, or with externalTrafficPolicy
 * Local only to this node's; in the LoadBalancer role each ingress IP:port forwards to the NodePort
 * of every Ready, healthy node (with Local, only nodes that have a Ready endpoint). The
 * LoadBalancer role on its own ({@link ProxyOptions#forLoadBalancer()}) plans only the latter.
 */
public final class RoutePlanner {
  private final ProxyOptions options;

  public RoutePlanner(ProxyOptions options) {
    this.options = options;
  }

  public RoutePlan plan(Snapshot snapshot, Predicate<NodeInfo> healthy) {
    Map<ListenerKey, PoolKey> listeners = new HashMap<>();
    Map<PoolKey, Pool> pools = new HashMap<>();
    List<ProxyServicePort> ports =
        snapshot.services().values().stream()
            .sorted(Comparator.comparing(p -> p.name().toString()))
            .toList();
    for (ProxyServicePort sp : ports) {
      if (options.nodeProxy() && hasClusterIP(sp)) {
        PoolKey all = pool(pools, sp, Kind.ALL_ENDPOINTS, sp.endpoints());
        listeners.putIfAbsent(new ListenerKey(sp.protocol(), sp.clusterIP(), sp.port()), all);
      }
      if (sp.nodePort() > 0) {
        if (options.nodeProxy()) {
          PoolKey key =
              sp.externalTrafficPolicy() == TrafficPolicy.LOCAL
                  ? pool(pools, sp, Kind.LOCAL_ENDPOINTS, sp.localEndpoints())
                  : pool(pools, sp, Kind.ALL_ENDPOINTS, sp.endpoints());
          for (String address : options.nodeAddresses()) {
            listeners.putIfAbsent(new ListenerKey(sp.protocol(), address, sp.nodePort()), key);
          }
        }
        if (options.loadBalancer() && !sp.ingressIPs().isEmpty() && sp.port() > 0) {
          PoolKey nodes = pool(pools, sp, Kind.NODE_PORTS, nodeTargets(sp, snapshot, healthy));
          for (String ip : sp.ingressIPs()) {
            listeners.putIfAbsent(new ListenerKey(sp.protocol(), ip, sp.port()), nodes);
          }
        }
      }
    }
    return new RoutePlan(listeners, pools);
  }

  private static boolean hasClusterIP(ProxyServicePort sp) {
    String ip = sp.clusterIP();
    return ip != null && !ip.isEmpty() && !"None".equals(ip) && sp.port() > 0;
  }

  private static PoolKey pool(
      Map<PoolKey, Pool> pools, ProxyServicePort sp, Kind kind, List<BackendEndpoint> targets) {
    PoolKey key = new PoolKey(sp.name(), kind);
    pools.computeIfAbsent(key, k -> new Pool(k, targets, sp.affinity()));
    return key;
  }

  private static List<BackendEndpoint> nodeTargets(
      ProxyServicePort sp, Snapshot snapshot, Predicate<NodeInfo> healthy) {
    boolean local = sp.externalTrafficPolicy() == TrafficPolicy.LOCAL;
    return snapshot.nodes().stream()
        .filter(n -> n.ready() && healthy.test(n))
        .filter(n -> !local || sp.endpoints().stream().anyMatch(e -> n.name().equals(e.nodeName())))
        .map(n -> new BackendEndpoint(n.address(), sp.nodePort(), n.name(), false))
        .toList();
  }
}

package dev.skiff.proxy.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable desired state a data plane is programmed to: every Service port with its Ready
 * endpoints, and the cluster's nodes (for the load-balancer role).
 */
public record Snapshot(Map<ServicePortName, ProxyServicePort> services, List<NodeInfo> nodes) {
  public static final Snapshot EMPTY = new Snapshot(Map.of(), List.of());

  public Snapshot {
    services = Map.copyOf(services);
    nodes = List.copyOf(nodes);
  }

  public static Snapshot of(Collection<ProxyServicePort> ports, List<NodeInfo> nodes) {
    Map<ServicePortName, ProxyServicePort> byName = new LinkedHashMap<>();
    for (ProxyServicePort port : ports) {
      byName.put(port.name(), port);
    }
    return new Snapshot(byName, nodes);
  }

  public static Snapshot of(ProxyServicePort... ports) {
    return of(List.of(ports), List.of());
  }

  public ProxyServicePort service(ServicePortName name) {
    return services.get(name);
  }
}

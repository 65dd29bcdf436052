package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.model.ServicePortName;

/**
 * Names a set of backends one balancer spreads over: all Ready endpoints of a Service port, only
 * the local ones (externalTrafficPolicy Local), or the healthy nodes' NodePorts (LoadBalancer).
 */
public record PoolKey(ServicePortName service, Kind kind) {
  public enum Kind {
    ALL_ENDPOINTS,
    LOCAL_ENDPOINTS,
    NODE_PORTS
  }
}

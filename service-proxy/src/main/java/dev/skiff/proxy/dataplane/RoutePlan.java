package dev.skiff.proxy.dataplane;

import java.util.Map;

/** What to listen on and where each listener forwards: the output of {@link RoutePlanner}. */
public record RoutePlan(Map<ListenerKey, PoolKey> listeners, Map<PoolKey, Pool> pools) {
  public RoutePlan {
    listeners = Map.copyOf(listeners);
    pools = Map.copyOf(pools);
  }

  public Pool poolOf(ListenerKey key) {
    return pools.get(listeners.get(key));
  }
}

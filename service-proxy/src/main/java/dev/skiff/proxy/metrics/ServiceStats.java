package dev.skiff.proxy.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one Service port, and of each of its endpoints. */
public final class ServiceStats {
  final LongAdder refused = new LongAdder();
  final Map<String, EndpointStats> endpoints = new ConcurrentHashMap<>();

  /** A connection refused because no endpoint was Ready or none accepted it. */
  public void refused() {
    refused.increment();
  }

  public long refusedCount() {
    return refused.sum();
  }

  /** The stats of the endpoint {@code ip:port}, created on first use. */
  public EndpointStats endpoint(String hostPort) {
    return endpoints.computeIfAbsent(hostPort, k -> new EndpointStats());
  }

  /** Forgets endpoints that are gone and idle, so series do not pile up with pod churn. */
  void retainEndpoints(Set<String> current) {
    endpoints.entrySet().removeIf(e -> !current.contains(e.getKey()) && e.getValue().active() == 0);
  }
}

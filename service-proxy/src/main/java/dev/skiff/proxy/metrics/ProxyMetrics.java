package dev.skiff.proxy.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * The service proxy's metrics: connections and bytes per Service port and endpoint, sync duration
 * and network programming latency. Register it in a {@link MetricsRegistry} to expose it.
 */
public final class ProxyMetrics implements MetricsRegistry.Collector {
  private static final double[] SECONDS =
      new double[] {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
        10, 30
      };

  private final Map<String, ServiceStats> services = new ConcurrentHashMap<>();
  private final Histogram syncDuration = new Histogram(SECONDS);
  private final Histogram programmingLatency = new Histogram(SECONDS);
  private final LongAdder bindFailures = new LongAdder();
  private volatile long listeners;
  private volatile Map<String, Integer> programmed = Map.of();

  /** Stats of the Service port {@code key} ({@code namespace/name:port}), created on first use. */
  public ServiceStats service(String key) {
    return services.computeIfAbsent(key, k -> new ServiceStats());
  }

  /** Forgets Services and endpoints that are no longer programmed and carry no connection. */
  public void retain(Map<String, Set<String>> endpointsByService) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    endpointsByService.forEach((svc, endpoints) -> counts.put(svc, endpoints.size()));
    programmed = counts;
    services
        .entrySet()
        .removeIf(
            e -> {
              Set<String> current = endpointsByService.get(e.getKey());
              e.getValue().retainEndpoints(current == null ? Set.of() : current);
              return current == null && e.getValue().endpoints.isEmpty();
            });
  }

  public void syncCompleted(double seconds, int listenerCount) {
    syncDuration.observe(seconds);
    listeners = listenerCount;
  }

  /** Time from a change in the cluster (its trigger time) to the data plane serving it. */
  public void programmed(double seconds) {
    programmingLatency.observe(seconds);
  }

  public void bindFailed() {
    bindFailures.increment();
  }

  public long syncs() {
    return syncDuration.count();
  }

  @Override
  public void collect(PrometheusWriter out) {
    endpointFamily(
        out,
        "skiff_proxy_connections_total",
        "counter",
        "Connections (TCP) or flows (UDP) forwarded.",
        EndpointStats::connections);
    endpointFamily(
        out,
        "skiff_proxy_active_connections",
        "gauge",
        "Open connections (TCP) or flows (UDP).",
        EndpointStats::active);
    endpointFamily(
        out,
        "skiff_proxy_connect_failures_total",
        "counter",
        "Failed endpoint connects.",
        EndpointStats::connectFailures);
    endpointFamily(
        out,
        "skiff_proxy_sent_bytes_total",
        "counter",
        "Bytes from clients to endpoints.",
        EndpointStats::bytesToEndpoint);
    endpointFamily(
        out,
        "skiff_proxy_received_bytes_total",
        "counter",
        "Bytes from endpoints to clients.",
        EndpointStats::bytesFromEndpoint);
    out.family(
        "skiff_proxy_refused_connections_total",
        "counter",
        "Connections refused for want of a Ready endpoint that accepted them.");
    services.forEach(
        (svc, stats) ->
            out.sample(
                "skiff_proxy_refused_connections_total", stats.refusedCount(), "service", svc));
    syncDuration.write(out, "skiff_proxy_sync_duration_seconds", "Time to program the data plane.");
    programmingLatency.write(
        out,
        "skiff_proxy_network_programming_duration_seconds",
        "Time from a Service or EndpointSlice change to the data plane serving it.");
    out.family("skiff_proxy_bind_failures_total", "counter", "Listener binds that failed.");
    out.sample("skiff_proxy_bind_failures_total", bindFailures.sum());
    out.family(
        "skiff_proxy_endpoints", "gauge", "Endpoints the data plane routes each Service port to.");
    programmed.forEach((svc, n) -> out.sample("skiff_proxy_endpoints", n, "service", svc));
    out.family("skiff_proxy_listeners", "gauge", "Bound listeners.");
    out.sample("skiff_proxy_listeners", listeners);
  }

  private void endpointFamily(
      PrometheusWriter out,
      String name,
      String type,
      String help,
      ToLongFunction<EndpointStats> f) {
    out.family(name, type, help);
    services.forEach(
        (svc, stats) ->
            stats.endpoints.forEach(
                (ep, s) -> out.sample(name, f.applyAsLong(s), "service", svc, "endpoint", ep)));
  }
}

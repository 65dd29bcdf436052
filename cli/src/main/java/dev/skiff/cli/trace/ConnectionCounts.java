package dev.skiff.cli.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code skiff_proxy_connections_total} summed over every node that answered, by Service port
 * ({@code namespace/name:port}, or {@code namespace/name} for an unnamed port) and endpoint ({@code
 * ip:port}).
 */
public final class ConnectionCounts {
  private final Map<String, Map<String, Long>> byService = new HashMap<>();

  public ConnectionCounts add(String servicePort, String endpoint, long connections) {
    byService
        .computeIfAbsent(servicePort, k -> new HashMap<>())
        .merge(endpoint, connections, Long::sum);
    return this;
  }

  /** Adds every count of {@code other}. */
  public ConnectionCounts addAll(ConnectionCounts other) {
    other.byService.forEach((svc, eps) -> eps.forEach((ep, n) -> add(svc, ep, n)));
    return this;
  }

  /** 0 when nothing was counted. */
  public long get(String servicePort, String endpoint) {
    return byService.getOrDefault(servicePort, Map.of()).getOrDefault(endpoint, 0L);
  }

  /** The proxy's key of a Service port. */
  public static String servicePort(String namespace, String name, String portName) {
    return portName == null || portName.isEmpty()
        ? namespace + "/" + name
        : namespace + "/" + name + ":" + portName;
  }
}

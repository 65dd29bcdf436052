package dev.skiff.proxy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyMetricsTest {
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final MetricsRegistry registry = new MetricsRegistry().register(metrics);

  @Test
  void rendersConnectionsAndBytesPerServiceAndEndpoint() {
    EndpointStats ep = metrics.service("default/web:http").endpoint("127.0.2.1:8080");
    ep.connected();
    ep.sent(100);
    ep.received(2048);
    metrics.service("default/web:http").refused();

    String text = registry.render();

    assertThat(text)
        .contains("# TYPE skiff_proxy_connections_total counter\n")
        .contains(
            "skiff_proxy_connections_total{service=\"default/web:http\",endpoint=\"127.0.2.1:8080\"} 1\n")
        .contains(
            "skiff_proxy_active_connections{service=\"default/web:http\",endpoint=\"127.0.2.1:8080\"} 1\n")
        .contains(
            "skiff_proxy_sent_bytes_total{service=\"default/web:http\",endpoint=\"127.0.2.1:8080\"} 100\n")
        .contains(
            "skiff_proxy_received_bytes_total{service=\"default/web:http\",endpoint=\"127.0.2.1:8080\"} 2048\n")
        .contains("skiff_proxy_refused_connections_total{service=\"default/web:http\"} 1\n");
  }

  @Test
  void rendersCumulativeHistogramsOfSyncAndProgrammingLatency() {
    metrics.syncCompleted(0.0003, 4);
    metrics.programmed(0.2);
    metrics.programmed(3);

    String text = registry.render();

    assertThat(text)
        .contains("skiff_proxy_sync_duration_seconds_bucket{le=\"0.0005\"} 1\n")
        .contains("skiff_proxy_sync_duration_seconds_count 1\n")
        .contains("skiff_proxy_network_programming_duration_seconds_bucket{le=\"0.25\"} 1\n")
        .contains("skiff_proxy_network_programming_duration_seconds_bucket{le=\"5\"} 2\n")
        .contains("skiff_proxy_network_programming_duration_seconds_bucket{le=\"+Inf\"} 2\n")
        .contains("skiff_proxy_network_programming_duration_seconds_sum 3.2\n")
        .contains("skiff_proxy_listeners 4\n");
  }

  @Test
  void escapesLabelValues() {
    metrics.service("ns/a\"b\\c").endpoint("x").connected();
    assertThat(registry.render()).contains("service=\"ns/a\\\"b\\\\c\"");
  }

  @Test
  void forgetsIdleEndpointsThatAreGoneButKeepsBusyOnes() {
    metrics.service("default/web").endpoint("127.0.2.1:80").connected();
    EndpointStats idle = metrics.service("default/web").endpoint("127.0.2.2:80");
    idle.connected();
    idle.disconnected();

    metrics.retain(Map.of("default/web", Set.of()));

    assertThat(registry.render()).contains("127.0.2.1:80").doesNotContain("127.0.2.2:80");
  }
}

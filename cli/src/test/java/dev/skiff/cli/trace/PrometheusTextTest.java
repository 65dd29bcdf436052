package dev.skiff.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Connection counters out of a node agent's /metrics text. */
class PrometheusTextTest {
  @Test
  void readsConnectionsPerServicePortAndEndpoint() {
    String text =
        """
        # HELP skiff_proxy_connections_total Connections forwarded.
        # TYPE skiff_proxy_connections_total counter
        skiff_proxy_connections_total{service="default/web:http",endpoint="127.64.1.1:8080"} 42
        skiff_proxy_connections_total{service="default/web:http",endpoint="127.64.1.2:8080"} 3
        skiff_proxy_connections_total{service="shop/api",endpoint="127.64.2.1:80"} 1e3
        skiff_proxy_active_connections{service="default/web:http",endpoint="127.64.1.1:8080"} 9
        """;

    ConnectionCounts counts = PrometheusText.connections(text).orElseThrow();

    assertThat(counts.get("default/web:http", "127.64.1.1:8080")).isEqualTo(42);
    assertThat(counts.get("default/web:http", "127.64.1.2:8080")).isEqualTo(3);
    assertThat(counts.get("shop/api", "127.64.2.1:80")).isEqualTo(1000);
    assertThat(counts.get("default/web:http", "127.64.9.9:8080")).isZero();
  }

  @Test
  void anAgentWithoutAProxyReportsNoCounters() {
    assertThat(PrometheusText.connections("# TYPE skiff_agent_pods gauge\nskiff_agent_pods 3\n"))
        .isEmpty();
  }

  @Test
  void anEmptyFamilyStillMeansTheProxyRuns() {
    assertThat(
            PrometheusText.connections(
                "# HELP skiff_proxy_connections_total Connections forwarded.\n"
                    + "# TYPE skiff_proxy_connections_total counter\n"))
        .isPresent();
  }

  @Test
  void labelValuesUnescapeQuotesBackslashesAndNewlines() {
    assertThat(PrometheusText.labels("a=\"x\\\"y\",b=\"c\\\\d\",c=\"l\\nm\""))
        .containsEntry("a", "x\"y")
        .containsEntry("b", "c\\d")
        .containsEntry("c", "l\nm");
  }

  @Test
  void servicePortKeysFollowTheProxy() {
    assertThat(ConnectionCounts.servicePort("default", "web", "http"))
        .isEqualTo("default/web:http");
    assertThat(ConnectionCounts.servicePort("default", "web", "")).isEqualTo("default/web");
    assertThat(ConnectionCounts.servicePort("default", "web", null)).isEqualTo("default/web");
  }
}

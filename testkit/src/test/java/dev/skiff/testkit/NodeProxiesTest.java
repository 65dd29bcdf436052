package dev.skiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeProxiesTest {
  private static final String METRICS =
      """
      # TYPE skiff_proxy_endpoints gauge
      skiff_proxy_endpoints{service="default/web:http"} 3
      skiff_proxy_endpoints{service="default/web:metrics"} 2
      skiff_proxy_endpoints{service="default/webber"} 9
      skiff_proxy_endpoints{service="kube-system/kube-dns:dns"} 1
      skiff_proxy_listeners 4
      """;

  @Test
  void everyPortOfTheServiceMustRouteToEnoughEndpoints() {
    assertThat(NodeProxies.routes(METRICS, "default/web", 2)).isTrue();
    assertThat(NodeProxies.routes(METRICS, "default/web", 3))
        .as("the metrics port has 2")
        .isFalse();
    assertThat(NodeProxies.routes(METRICS, "default/webber", 9)).isTrue();
    assertThat(NodeProxies.routes(METRICS, "kube-system/kube-dns", 1)).isTrue();
  }

  @Test
  void aServiceTheProxyDoesNotRouteYetIsNotReady() {
    assertThat(NodeProxies.routes(METRICS, "default/api", 1)).isFalse();
    assertThat(NodeProxies.routes("", "default/web", 1)).isFalse();
  }
}

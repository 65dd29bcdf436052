package dev.skiff.proxy.config;

import static dev.skiff.proxy.support.Clients.whoAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.ServiceProxyVerticle;
import dev.skiff.proxy.metrics.MetricsRegistry;
import dev.skiff.proxy.support.FakeApiServer;
import dev.skiff.proxy.support.ProxyFixture;
import dev.skiff.proxy.support.TestBackend;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verticle against an API over HTTP: informers feed the handlers, the runner programs. */
class ServiceProxyVerticleIT {
  private static final String CLUSTER_IP = "127.10.200.30";

  private final ProxyFixture fx = new ProxyFixture();

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  @Test
  void programsServicesAndFollowsEndpointChangesFromTheApi() throws Exception {
    TestBackend a = fx.backend("a", "127.0.2.1", 0);
    TestBackend b = fx.backend("b", "127.0.2.2", a.port);
    FakeApiServer api = fx.closeLater(new FakeApiServer(fx.vertx));
    Service web = service();
    api.put(web);
    api.put(slice(a));
    MetricsRegistry registry = new MetricsRegistry();
    ProxyOptions options =
        ProxyOptions.forNode("n1", List.of())
            .withSyncIntervals(Duration.ofMillis(20), Duration.ofSeconds(5));
    KubeClient client = new KubeClient(fx.vertx, api.url());

    fx.vertx
        .deployVerticle(new ServiceProxyVerticle(client, options, registry))
        .await(10, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> answers().equals(Set.of("a")));

    api.put(slice(a, b));
    await().atMost(Duration.ofSeconds(10)).until(() -> answers().equals(Set.of("a", "b")));
    assertThat(registry.render())
        .containsPattern("skiff_proxy_network_programming_duration_seconds_count [1-9]")
        .contains(
            "skiff_proxy_connections_total{service=\"default/web:http\",endpoint=\"127.0.2.2:");

    api.delete(web);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> whoAnswers(CLUSTER_IP, 80))
                    .isInstanceOf(ConnectException.class));
  }

  private static Set<String> answers() throws Exception {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      seen.add(whoAnswers(CLUSTER_IP, 80));
    }
    return seen;
  }

  private static Service service() {
    return Json.parse(
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
         "spec":{"type":"ClusterIP","clusterIP":"%s","ports":[{"name":"http","port":80}]}}
        """
            .formatted(CLUSTER_IP),
        Service.class);
  }

  private static EndpointSlice slice(TestBackend... pods) {
    StringBuilder endpoints = new StringBuilder();
    for (TestBackend pod : pods) {
      endpoints
          .append(endpoints.length() == 0 ? "" : ",")
          .append(
              "{\"addresses\":[\"%s\"],\"conditions\":{\"ready\":true},\"nodeName\":\"n1\"}"
                  .formatted(pod.ip));
    }
    // a slice has one port for all its endpoints: the backends share theirs
    return Json.parse(
        """
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
         "metadata":{"name":"web-1","namespace":"default",
                     "labels":{"kubernetes.io/service-name":"web"},
                     "annotations":{"endpoints.kubernetes.io/last-change-trigger-time":"%s"}},
         "addressType":"IPv4","ports":[{"name":"http","protocol":"TCP","port":%d}],
         "endpoints":[%s]}
        """
            .formatted(Instant.now(), pods[0].port, endpoints),
        EndpointSlice.class);
  }
}

package dev.skiff.proxy.config;

import static dev.skiff.proxy.support.Clients.whoAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.ServiceProxyVerticle;
import dev.skiff.proxy.metrics.MetricsRegistry;
import dev.skiff.proxy.support.ProxyFixture;
import dev.skiff.proxy.support.TestBackend;
import dev.skiff.server.testing.TestApiServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The verticle against the real api-server (a replica in this JVM, over https with a bearer token):
 * informers feed the handlers, the runner programs. Objects are written through a real client.
 */
class ServiceProxyVerticleIT {
  private static final String CLUSTER_IP = "127.10.200.30";

  private final ProxyFixture fx = new ProxyFixture();
  private TestApiServer api;

  @AfterEach
  void stop() throws Exception {
    fx.close(); // the proxy first, so its watches do not outlive the server
    if (api != null) {
      api.close();
    }
  }

  @Test
  void programsServicesAndFollowsEndpointChangesFromTheApi() throws Exception {
    TestBackend a = fx.backend("a", "127.0.2.1", 0);
    TestBackend b = fx.backend("b", "127.0.2.2", a.port);
    api = TestApiServer.start(TestApiServer.Spec.https());
    KubeClient client = api.client(fx.vertx);
    client.create(service()).await(30, TimeUnit.SECONDS);
    EndpointSlice created = client.create(slice(a)).await(30, TimeUnit.SECONDS);
    MetricsRegistry registry = new MetricsRegistry();
    ProxyOptions options =
        ProxyOptions.forNode("n1", List.of())
            .withSyncIntervals(Duration.ofMillis(20), Duration.ofSeconds(5));

    fx.vertx
        .deployVerticle(new ServiceProxyVerticle(client, options, registry))
        .await(60, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> answers().equals(Set.of("a")));

    EndpointSlice both = slice(a, b);
    both.meta().resourceVersion = created.meta().resourceVersion;
    client.update(both).await(30, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> answers().equals(Set.of("a", "b")));
    assertThat(registry.render())
        .containsPattern("skiff_proxy_network_programming_duration_seconds_count [1-9]")
        .contains(
            "skiff_proxy_connections_total{service=\"default/web:http\",endpoint=\"127.0.2.2:");

    client
        .delete(Service.class, "default", "web", DeleteOptions.none())
        .await(30, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> whoAnswers(CLUSTER_IP, 80))
                    .isInstanceOf(ConnectException.class));
  }

  @Test
  void aPortHeldByAnotherProcessBecomesOneEventOnTheServiceAndOtherServicesKeepWorking()
      throws Exception {
    TestBackend a = fx.backend("a", "127.0.2.1", 0);
    api = TestApiServer.start(TestApiServer.Spec.https());
    KubeClient client = api.client(fx.vertx);
    client.create(service()).await(30, TimeUnit.SECONDS);
    client.create(slice(a)).await(30, TimeUnit.SECONDS);
    String nodeAddress = "127.0.2.9";
    int nodePort = 30090;
    ServerSocket squatter = new ServerSocket();
    squatter.bind(new InetSocketAddress(nodeAddress, nodePort));
    try {
      client.create(nodePortService("held", nodePort)).await(30, TimeUnit.SECONDS);
      client.create(slice("held", a)).await(30, TimeUnit.SECONDS);
      ProxyOptions options =
          ProxyOptions.forNode("n1", List.of(nodeAddress))
              .withSyncIntervals(Duration.ofMillis(20), Duration.ofMillis(300));
      fx.vertx
          .deployVerticle(new ServiceProxyVerticle(client, options, new MetricsRegistry()))
          .await(60, TimeUnit.SECONDS);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> bindFailureEvents(client, "held").size() == 1);
      Event event = bindFailureEvents(client, "held").get(0);
      assertThat(event.type).isEqualTo("Warning");
      assertThat(event.involvedObject.kind).isEqualTo("Service");
      assertThat(event.message)
          .startsWith("n1: cannot listen on TCP 127.0.2.9:30090 for port http: ")
          .contains("in use");
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> answers().equals(Set.of("a")));
      // several more failing syncs (every 300 ms at most): still one Event
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(10))
          .until(() -> bindFailureEvents(client, "held").size() == 1);
    } finally {
      squatter.close();
    }
    // the port is free again: the next sync binds it
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> whoAnswers(nodeAddress, nodePort).equals("a"));
  }

  private static List<Event> bindFailureEvents(KubeClient client, String service) throws Exception {
    return client
        .list(Event.class, "default", ListOptions.none())
        .await(30, TimeUnit.SECONDS)
        .items
        .stream()
        .filter(e -> BindFailureEvents.REASON.equals(e.reason))
        .filter(e -> service.equals(e.involvedObject.name))
        .toList();
  }

  private static Service nodePortService(String name, int nodePort) {
    return Json.parse(
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","namespace":"default"},
         "spec":{"type":"NodePort","clusterIP":"127.10.200.31","selector":{"app":"web"},
                 "ports":[{"name":"http","port":80,"nodePort":%d}]}}
        """
            .formatted(name, nodePort),
        Service.class);
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
    return slice("web", pods);
  }

  private static EndpointSlice slice(String service, TestBackend... pods) {
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
         "metadata":{"name":"%s-1","namespace":"default",
                     "labels":{"kubernetes.io/service-name":"%s"},
                     "annotations":{"endpoints.kubernetes.io/last-change-trigger-time":"%s"}},
         "addressType":"IPv4","ports":[{"name":"http","protocol":"TCP","port":%d}],
         "endpoints":[%s]}
        """
            .formatted(service, service, Instant.now(), pods[0].port, endpoints),
        EndpointSlice.class);
  }
}

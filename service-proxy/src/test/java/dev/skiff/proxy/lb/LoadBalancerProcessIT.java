package dev.skiff.proxy.lb;

import static dev.skiff.proxy.support.Clients.whoAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.ServiceProxyVerticle;
import dev.skiff.proxy.metrics.MetricsRegistry;
import dev.skiff.proxy.support.ProxyFixture;
import dev.skiff.proxy.support.TestBackend;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.FreePorts;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LoadBalancer role as its own process ({@code LoadBalancerMain}), against the real api-server,
 * in front of two real node proxies: ingress IP -> the LoadBalancer process -> a node's NodePort
 * (externalTrafficPolicy Local, so which pod answers tells which node was used) -> the pod on that
 * node. The nodes' {@code /healthz} (the node agents' job) is a small server per node address whose
 * answer the test sets.
 */
class LoadBalancerProcessIT {
  private static final String INGRESS = "127.20.201.1";
  private static final String CLUSTER_IP = "127.10.201.10";
  private static final int NODE_PORT = 30081;
  private static final Map<String, String> NODES = Map.of("n1", "127.0.93.1", "n2", "127.0.93.2");

  @TempDir Path dir;
  private final ProxyFixture fx = new ProxyFixture();
  private final Map<String, Integer> health = new ConcurrentHashMap<>();
  private final List<Process> processes = new ArrayList<>();
  private TestApiServer api;

  @AfterEach
  void stop() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    fx.close();
    if (api != null) {
      api.close();
    }
  }

  @Test
  void forwardsIngressToHealthyNodesAndStopsServingWhenItExits() throws Exception {
    api = TestApiServer.start(TestApiServer.Spec.https());
    KubeClient client = api.client(fx.vertx);
    int healthPort = FreePorts.loopback();
    TestBackend podA = fx.backend("pod-a", "127.0.3.1", 0);
    TestBackend podB = fx.backend("pod-b", "127.0.3.2", podA.port);
    for (Map.Entry<String, String> node : NODES.entrySet()) {
      createReadyNode(client, node.getKey(), node.getValue());
      health.put(node.getKey(), 200);
      startHealthServer(node.getKey(), node.getValue(), healthPort);
      fx.vertx
          .deployVerticle(
              new ServiceProxyVerticle(
                  client,
                  ProxyOptions.forNode(node.getKey(), List.of(node.getValue()))
                      .withSyncIntervals(Duration.ofMillis(20), Duration.ofSeconds(5)),
                  new MetricsRegistry()))
          .await(60, TimeUnit.SECONDS);
    }
    createLoadBalancerService(client);
    client.create(slice(podA.ip, "n1", podB.ip, "n2", podA.port)).await(30, TimeUnit.SECONDS);

    int ownPort = FreePorts.loopback();
    Path out = dir.resolve("lb.out");
    Process lb =
        launch(
            out,
            "--kubeconfig",
            api.kubeconfig(dir.resolve("kubeconfig")).toString(),
            "--health-port",
            String.valueOf(healthPort),
            "--health-interval-ms",
            "200",
            "--listen",
            "127.0.0.1:" + ownPort);
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(out).contains("ready"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> answers(20).equals(Set.of("pod-a", "pod-b")));

    health.put("n2", 503); // node 2 is down, as far as the load balancer can tell
    await().atMost(Duration.ofSeconds(30)).until(() -> answers(20).equals(Set.of("pod-a")));
    assertThat(answers(20)).containsExactly("pod-a");

    assertThat(get(ownPort, "/healthz").statusCode()).isEqualTo(200);
    assertThat(get(ownPort, "/metrics").body())
        .containsPattern(
            "skiff_proxy_connections_total\\{service=\"default/web:http\",endpoint=\"127\\.0\\.93\\.1:"
                + NODE_PORT
                + "\"} [1-9]");

    health.put("n2", 200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> answers(20).equals(Set.of("pod-a", "pod-b")));

    lb.destroy(); // SIGTERM: a clean stop
    assertThat(lb.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> whoAnswers(INGRESS, 80)).isInstanceOf(ConnectException.class);
    // the nodes' own listeners never served the ingress IP: NodePorts still answer
    assertThat(whoAnswers(NODES.get("n1"), NODE_PORT)).isEqualTo("pod-a");
  }

  @Test
  void badArgumentsExitWithTwoAndSayWhy() throws Exception {
    Path out = dir.resolve("bad.out");
    Process bad =
        launch(out, "--kubeconfig", dir.resolve("missing").toString(), "--health-port", "x");
    assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(2);
    assertThat(Files.readString(out))
        .contains("--health-port: x is not a number")
        .contains("usage:");
  }

  private Process launch(Path out, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.skiff.proxy.LoadBalancerMain");
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    processes.add(p);
    return p;
  }

  private static Set<String> answers(int connections) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < connections; i++) {
      try {
        seen.add(whoAnswers(INGRESS, 80));
      } catch (IOException refused) {
        seen.add("refused: " + refused.getMessage());
      }
    }
    return seen;
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void startHealthServer(String node, String address, int port) throws Exception {
    HttpServer server =
        fx.vertx
            .createHttpServer()
            .requestHandler(req -> req.response().setStatusCode(health.get(node)).end());
    server.listen(port, address).await(10, TimeUnit.SECONDS);
  }

  private static void createReadyNode(KubeClient client, String name, String address)
      throws Exception {
    Node node =
        Json.parse(
            """
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s"},
             "status":{"addresses":[{"type":"InternalIP","address":"%s"}],
                       "conditions":[{"type":"Ready","status":"True"}]}}
            """
                .formatted(name, address),
            Node.class);
    Node created = client.create(node).await(30, TimeUnit.SECONDS);
    created.status = node.status;
    client.updateStatus(created).await(30, TimeUnit.SECONDS);
  }

  private static void createLoadBalancerService(KubeClient client) throws Exception {
    Service service =
        Json.parse(
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
             "spec":{"type":"LoadBalancer","clusterIP":"%s","externalTrafficPolicy":"Local",
                     "ports":[{"name":"http","port":80,"nodePort":%d}]}}
            """
                .formatted(CLUSTER_IP, NODE_PORT),
            Service.class);
    Service created = client.create(service).await(30, TimeUnit.SECONDS);
    created.status =
        Json.parse(
            """
            {"loadBalancer":{"ingress":[{"ip":"%s"}]}}
            """
                .formatted(INGRESS),
            dev.skiff.api.model.core.ServiceStatus.class);
    client.updateStatus(created).await(30, TimeUnit.SECONDS);
  }

  private static EndpointSlice slice(String ipA, String nodeA, String ipB, String nodeB, int port) {
    return Json.parse(
        """
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
         "metadata":{"name":"web-1","namespace":"default",
                     "labels":{"kubernetes.io/service-name":"web"}},
         "addressType":"IPv4","ports":[{"name":"http","protocol":"TCP","port":%d}],
         "endpoints":[{"addresses":["%s"],"conditions":{"ready":true},"nodeName":"%s"},
                      {"addresses":["%s"],"conditions":{"ready":true},"nodeName":"%s"}]}
        """
            .formatted(port, ipA, nodeA, ipB, nodeB),
        EndpointSlice.class);
  }
}

package dev.skiff.agent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.Pods;
import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import dev.skiff.testing.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node agent as its own process ({@code NodeAgentMain}), as on a machine of its own: it registers
 * a Ready Node, runs a pod, serves the node's service proxy (a ClusterIP answers, reached with
 * curl) and cluster DNS (dig asks its port for the Service's name), and reports NotReady when it
 * gets SIGTERM.
 */
class NodeAgentProcessE2E {
  private static final int INDEX = 62;
  private static final String NODE = "node-" + INDEX;
  private static final String ADDRESS = "127.0.1." + INDEX;
  private static final String CLUSTER_IP = "127.10.202.62";
  private static final int DNS_PORT = 10053;

  @TempDir Path dir;
  private TestApiServer api;
  private Process agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.destroy();
      if (!agent.waitFor(30, TimeUnit.SECONDS)) {
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void runsPodsServiceProxyAndDnsAndGoesNotReadyOnSigterm() throws Exception {
    api = TestApiServer.start(dir.resolve("kubeconfig"));
    KubeClient client = api.client();
    Path out = dir.resolve("agent.out");
    agent =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.skiff.agent.NodeAgentMain",
                "--kubeconfig",
                dir.resolve("kubeconfig").toString(),
                "--index",
                String.valueOf(INDEX),
                "--port",
                String.valueOf(FreePorts.loopback()),
                "--data-dir",
                dir.resolve("node").toString(),
                "--dns-port",
                String.valueOf(DNS_PORT))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> "True".equals(ready(client).status));

    Pod web =
        Pods.shell(
            "web",
            NODE,
            "mkdir -p www; echo hello from web > www/index.html;"
                + " exec busybox httpd -f -p $POD_IP:8080 -h www");
    Await.result(client.create(web));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> podIp(client) != null && "Running".equals(phase(client)));
    Await.result(client.create(service()));
    Await.result(client.create(slice(podIp(client))));

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> curl("http://" + CLUSTER_IP + "/").equals("hello from web"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                run(
                        "dig",
                        "@" + ADDRESS,
                        "-p",
                        "" + DNS_PORT,
                        "+short",
                        "web.default.svc.cluster.local")
                    .trim()
                    .equals(CLUSTER_IP));

    agent.destroy(); // SIGTERM
    assertThat(agent.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(out)).isTrue();
    NodeCondition after = ready(client);
    assertThat(after.status).as(Files.readString(out)).isEqualTo("False");
    assertThat(after.reason).isEqualTo("KubeletNotReady");
  }

  private static NodeCondition ready(KubeClient client) {
    Node node = Await.result(client.get(Node.class, null, NODE));
    return node.status.conditions.stream()
        .filter(c -> "Ready".equals(c.type))
        .findFirst()
        .orElseThrow();
  }

  private static String podIp(KubeClient client) {
    Pod pod = Await.result(client.get(Pod.class, "default", "web"));
    return pod.status == null ? null : pod.status.podIP;
  }

  private static String phase(KubeClient client) {
    Pod pod = Await.result(client.get(Pod.class, "default", "web"));
    return pod.status == null ? null : pod.status.phase;
  }

  private static String curl(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body().trim();
  }

  private static String run(String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(20, TimeUnit.SECONDS);
    return output;
  }

  private static Service service() {
    return Json.parse(
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
         "spec":{"type":"ClusterIP","clusterIP":"%s","ports":[{"name":"http","port":80,
                 "targetPort":8080}]}}
        """
            .formatted(CLUSTER_IP),
        Service.class);
  }

  private static EndpointSlice slice(String podIp) {
    return Json.parse(
        """
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
         "metadata":{"name":"web-1","namespace":"default",
                     "labels":{"kubernetes.io/service-name":"web"}},
         "addressType":"IPv4","ports":[{"name":"http","protocol":"TCP","port":8080}],
         "endpoints":[{"addresses":["%s"],"conditions":{"ready":true},"nodeName":"%s"}]}
        """
            .formatted(podIp, NODE),
        EndpointSlice.class);
  }
}

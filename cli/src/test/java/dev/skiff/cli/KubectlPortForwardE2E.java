package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.ProcessResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl port-forward (its default: SPDY tunnelled in a WebSocket) and kubectl cp against a {@code
 * skiff up} cluster on the process runtime: two ports, 100 concurrent requests, 100 MiB intact,
 * svc/ and deploy/ targets, a refused port.
 */
class KubectlPortForwardE2E {
  private static final int MIB_100 = 100 * 1024 * 1024;

  @TempDir static Path home;
  static SkiffProcess cli;
  static Path kubeconfig;
  static String cluster;
  static Path webroot;
  final List<Process> forwards = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    cli = new SkiffProcess(home);
    cluster = "pf" + ProcessHandle.current().pid() % 10000;
    ProcessResult up = cli.skiff("up", "--name", cluster);
    assertThat(up.exitCode()).as(up.all()).isZero();
    kubeconfig = home.resolve("clusters").resolve(cluster).resolve("kubeconfig");
    webroot = home.resolve("webroot");
    Files.createDirectories(webroot);
    Files.writeString(webroot.resolve("index.html"), "hello\n");
    try (var out = Files.newOutputStream(webroot.resolve("big"))) {
      byte[] chunk = new byte[1024 * 1024];
      java.util.Random random = new java.util.Random(42);
      for (int i = 0; i < 100; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: busybox
                workingDir: WEBROOT
                command: [sh, -c, "busybox httpd -f -p $(POD_IP):8081 & exec busybox httpd -f -p $(POD_IP):8080"]
                env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
                readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 1}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}]
        """
            .replace("WEBROOT", webroot.toString());
    Path file = home.resolve("web.yaml");
    Files.writeString(file, deployment);
    ProcessResult applied = kubectl("apply", "-f", file.toString());
    assertThat(applied.exitCode()).as(applied.all()).isZero();
    ProcessResult ready = kubectl("rollout", "status", "deployment/web", "--timeout=60s");
    assertThat(ready.exitCode()).as(ready.all()).isZero();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cli != null) {
      cli.skiff("down", "--name", cluster, "--purge");
    }
  }

  @AfterEach
  void stopForwards() {
    forwards.forEach(Process::destroy);
  }

  @Test
  void twoPortsCarryHundredConcurrentRequests() throws Exception {
    String pod = kubectl("get", "pods", "-l", "app=web", "-o", "name").stdout().strip();
    int a = SkiffProcessPorts.free();
    int b = SkiffProcessPorts.free();
    forward(pod, a + ":8080", b + ":8081");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int port = i % 2 == 0 ? a : b;
      replies.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> reply : replies) {
      assertThat(reply.get().statusCode()).isEqualTo(200);
      assertThat(reply.get().body()).isEqualTo("hello\n");
    }
  }

  @Test
  void serviceAndDeploymentTargetsForwardToOneOfTheirPods() throws Exception {
    for (String target : new String[] {"svc/web", "deploy/web"}) {
      int port = SkiffProcessPorts.free();
      forward(target, port + ":" + (target.startsWith("svc") ? "80" : "8080"));
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).as(target).isEqualTo("hello\n");
    }
  }

  @Test
  void aRefusedPortIsReportedAsTheKubeletDoes() throws Exception {
    String pod = kubectl("get", "pods", "-l", "app=web", "-o", "name").stdout().strip();
    int port = SkiffProcessPorts.free();
    Process forward = forward(pod, port + ":9999");
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      socket.getInputStream().read();
    } catch (java.io.IOException e) {
      // the forward drops the connection
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> !forward.isAlive());
    String errors = new String(forward.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(errors)
        .contains("error forwarding port 9999")
        .containsIgnoringCase("connection refused");
  }

  @Test
  void cpCopiesADirectoryIntoThePodAndBack() throws Exception {
    String pod =
        kubectl("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[0].metadata.name}")
            .stdout();
    Path src = home.resolve("cp-src");
    Files.createDirectories(src.resolve("sub"));
    Files.writeString(src.resolve("a.txt"), "one\n");
    Files.writeString(src.resolve("sub/b.txt"), "two\n");
    Path inPod = home.resolve("in-pod");
    ProcessResult to = kubectl("cp", src.toString(), pod + ":" + inPod);
    assertThat(to.exitCode()).as(to.all()).isZero();
    assertThat(kubectl("exec", pod, "--", "cat", inPod + "/sub/b.txt").stdout()).isEqualTo("two\n");
    Path back = home.resolve("cp-back");
    ProcessResult from = kubectl("cp", pod + ":" + inPod, back.toString());
    assertThat(from.exitCode()).as(from.all()).isZero();
    assertThat(Files.readString(back.resolve("a.txt"))).isEqualTo("one\n");
    assertThat(Files.readString(back.resolve("sub/b.txt"))).isEqualTo("two\n");
  }

  private Process forward(String target, String... ports) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig, "port-forward", target));
    cmd.addAll(List.of(ports));
    Process p = new ProcessBuilder(cmd).start();
    forwards.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
    for (int i = 0; i < ports.length; i++) {
      String line = out.readLine();
      assertThat(line).as("kubectl port-forward output").startsWith("Forwarding from");
      out.readLine(); // the [::1] line
    }
    return p;
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(Files.readAllBytes(file));
    return HexFormat.of().formatHex(digest.digest());
  }

  static ProcessResult kubectl(String... args) throws Exception {
    return cli.kubectl(kubeconfig, args);
  }

  /** Free local ports for kubectl to listen on. */
  static final class SkiffProcessPorts {
    static int free() throws java.io.IOException {
      try (var s = new java.net.ServerSocket(0)) {
        return s.getLocalPort();
      }
    }
  }
}

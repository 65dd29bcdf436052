package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.FreePorts;
import dev.skiff.testing.ProcessResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl port-forward (its default: SPDY tunnelled in a WebSocket, and SPDY upgraded by POST)
 * against a {@code skiff up} cluster on the process runtime: two ports, 100 concurrent requests,
 * 100 MiB intact both ways at once, svc/ and deploy/ targets, a refused port.
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
                command:
                - sh
                - -c
                - >-
                  busybox httpd -f -p $(POD_IP):8081 &
                  busybox nc -ll -p 9000 $(POD_IP) -e sha256sum &
                  busybox nc -ll -p 9001 $(POD_IP) -e cat big &
                  exec busybox httpd -f -p $(POD_IP):8080
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
    int a = FreePorts.loopback();
    int b = FreePorts.loopback();
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

  /**
   * One forward, two connections at once: 100 MiB up to a pod that answers their SHA-256 once the
   * client half-closes, and 100 MiB down from a pod that closes when it has sent them (the client
   * reads to the end of the stream, so the forward must pass the pod's close on).
   */
  @Test
  void hundredMebibytesGoBothWaysIntact() throws Exception {
    String pod = kubectl("get", "pods", "-l", "app=web", "-o", "name").stdout().strip();
    int up = FreePorts.loopback();
    int down = FreePorts.loopback();
    forward(pod, up + ":9000", down + ":9001");
    CompletableFuture<String> uploaded = CompletableFuture.supplyAsync(() -> upload(up));
    CompletableFuture<String> downloaded = CompletableFuture.supplyAsync(() -> download(down));
    String expected = sha256(webroot.resolve("big"));
    assertThat(uploaded.get(240, TimeUnit.SECONDS)).isEqualTo(expected + "  -");
    assertThat(downloaded.get(240, TimeUnit.SECONDS)).isEqualTo(expected);
  }

  /** Sends the 100 MiB file, half-closes, and answers the pod's reply line. */
  private static String upload(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      try (InputStream file = Files.newInputStream(webroot.resolve("big"))) {
        file.transferTo(socket.getOutputStream());
      }
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads to the end of the stream; answers the SHA-256 of what arrived. */
  private static String download(int port) {
    try (Socket socket = new Socket("127.0.0.1", port);
        InputStream in = socket.getInputStream()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      long length = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
        length += n;
      }
      assertThat(length).isEqualTo(MIB_100);
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * client-go's SPDY dialer (kubectl before 1.31, and kubectl 1.32 with WebSockets off) upgrades
   * with a POST; the API server lets it through (Vert.x alone upgrades only GET).
   */
  @Test
  void theSpdyUpgradeByPostForwardsToo() throws Exception {
    String pod = kubectl("get", "pods", "-l", "app=web", "-o", "name").stdout().strip();
    int port = FreePorts.loopback();
    forward(Map.of("KUBECTL_PORT_FORWARD_WEBSOCKETS", "false"), pod, port + ":9001");
    assertThat(download(port)).isEqualTo(sha256(webroot.resolve("big")));
  }

  @Test
  void serviceAndDeploymentTargetsForwardToOneOfTheirPods() throws Exception {
    for (String target : new String[] {"svc/web", "deploy/web"}) {
      int port = FreePorts.loopback();
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
    int port = FreePorts.loopback();
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

  private Process forward(String target, String... ports) throws Exception {
    return forward(Map.of(), target, ports);
  }

  private Process forward(Map<String, String> env, String target, String... ports)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of("kubectl", "--kubeconfig=" + kubeconfig, "port-forward", target));
    cmd.addAll(List.of(ports));
    ProcessBuilder builder = new ProcessBuilder(cmd);
    builder.environment().putAll(env);
    Process p = builder.start();
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
}

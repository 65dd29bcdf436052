package dev.skiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Node;
import dev.skiff.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A Service under continuous load while its Deployment scales up, scales down and rolls out a new
 * version, all with the real kubectl: not one request may fail. Each request is a new connection
 * (HTTP/1.0) to the ClusterIP, so every one of them is balanced again. What makes it possible is
 * the whole chain: readiness gates new pods, a pod being deleted leaves the endpoints at once, the
 * proxies stop sending it new connections, and the pod drains (its shell traps SIGTERM and keeps
 * serving for two seconds), as a Kubernetes workload would.
 */
@SkiffTest(nodes = 2)
class ServiceUnderLoadIT {
  private static final String APP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: steady}
      spec:
        replicas: 3
        selector: {matchLabels: {app: steady}}
        template:
          metadata: {labels: {app: steady}}
          spec:
            terminationGracePeriodSeconds: 10
            containers:
            - name: web
              image: busybox
              command: ["sh", "-c"]
              args:
              - mkdir -p $(DIR) && echo "$(VERSION) $(POD_NAME)" > $(DIR)/index.html;
                busybox httpd -f -p $(POD_IP):8080 -h $(DIR) & web=$!;
                trap 'sleep 2; kill $web; exit 0' TERM;
                wait $web
              env:
              - {name: VERSION, value: v1}
              - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
              - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
              - {name: DIR, value: /tmp/skiff-testkit-load/$(POD_NAME)}
              readinessProbe:
                httpGet: {path: /, port: 8080}
                periodSeconds: 1
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: steady}
      spec:
        selector: {app: steady}
        ports:
        - {port: 80, targetPort: 8080}
      """;

  private static final int CLIENTS = 4;

  @Test
  void scaleUpScaleDownAndRollingUpdateFailNoRequest(SkiffCluster cluster) throws Exception {
    cluster.apply(APP);
    cluster.awaitReadyEndpoints("default", "steady", 3, Duration.ofSeconds(60));
    InetSocketAddress address = cluster.serviceAddress("default", "steady", 80);

    Load load = new Load(address);
    load.start();
    try {
      load.awaitMore(100);
      load.phase("scale to 5");
      kubectl(cluster, "scale", "deployment/steady", "--replicas=5");
      awaitEndpoints(cluster, 5);
      load.awaitMore(100);

      load.phase("scale to 2");
      kubectl(cluster, "scale", "deployment/steady", "--replicas=2");
      awaitEndpoints(cluster, 2);
      load.awaitMore(100);

      load.phase("rolling update");
      kubectl(cluster, "set", "env", "deployment/steady", "VERSION=v2");
      kubectl(cluster, "rollout", "status", "deployment/steady", "--timeout=90s");
      awaitEndpoints(cluster, 2);
      load.awaitVersionOnly("v2", Duration.ofSeconds(30));
      load.awaitMore(100);
    } finally {
      load.stop();
    }

    if (!load.failures.isEmpty()) {
      printProxyCounters(cluster);
    }
    assertThat(load.failures).as("failed requests").isEmpty();
    assertThat(load.versions).containsExactlyInAnyOrder("v1", "v2");
    assertThat(load.pods.size()).as("pods that answered").isGreaterThanOrEqualTo(6);
    System.out.printf(
        "ServiceUnderLoadIT: %d requests through the ClusterIP, %d failed, %d pods answered%n",
        load.done.get(), load.failures.size(), load.pods.size());
  }

  /** For a failure's diagnosis: what each node's proxy counted as refused or failed. */
  private static void printProxyCounters(SkiffCluster cluster) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (Node node :
        Await.result(
                cluster.client().list(Node.class, null, ListOptions.none()), Duration.ofSeconds(10))
            .items) {
      String url =
          "http://"
              + node.status.addresses.get(0).address
              + ":"
              + node.status.daemonEndpoints.kubeletEndpoint.port
              + "/metrics";
      http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString())
          .body()
          .lines()
          .filter(l -> l.contains("steady") && (l.contains("refused") || l.contains("failure")))
          .forEach(l -> System.out.println(node.meta().name + ": " + l));
    }
  }

  /** Waits until exactly {@code n} endpoints are ready and the Deployment has no other pods. */
  private static void awaitEndpoints(SkiffCluster cluster, int n) {
    cluster.awaitReadyEndpoints("default", "steady", n, Duration.ofSeconds(90));
    await()
        .alias("steady has exactly " + n + " ready endpoints")
        .atMost(Duration.ofSeconds(90))
        .until(() -> cluster.readyEndpoints("default", "steady") == n);
  }

  private static String kubectl(SkiffCluster cluster, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("kubectl", "--kubeconfig=" + cluster.kubeconfig()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }

  /** CLIENTS threads sending one HTTP/1.0 GET per connection until stopped (or 5 minutes). */
  private static final class Load {
    final AtomicInteger done = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final Set<String> versions = ConcurrentHashMap.newKeySet();
    final Set<String> pods = ConcurrentHashMap.newKeySet();
    final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    volatile String phase = "steady";
    volatile long phaseStart = System.nanoTime();
    private final InetSocketAddress address;

    void phase(String name) {
      phaseStart = System.nanoTime();
      phase = name;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);

    Load(InetSocketAddress address) {
      this.address = address;
    }

    void start() {
      for (int i = 0; i < CLIENTS; i++) {
        Thread t = new Thread(this::loop, "load-" + i);
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join(10_000);
      }
    }

    void awaitMore(int requests) {
      int target = done.get() + requests;
      await()
          .alias("the load makes progress")
          .atMost(Duration.ofSeconds(60))
          .until(() -> done.get() >= target);
    }

    /** Waits until, for a while, every answer came from {@code version}. */
    void awaitVersionOnly(String version, Duration timeout) {
      await()
          .alias("only " + version + " answers")
          .atMost(timeout)
          .until(
              () -> {
                long now = System.nanoTime();
                return lastSeen.containsKey(version)
                    && lastSeen.entrySet().stream()
                        .filter(e -> !e.getKey().equals(version))
                        .allMatch(e -> now - e.getValue() > TimeUnit.SECONDS.toNanos(1));
              });
    }

    private void loop() {
      while (running.get() && System.nanoTime() < deadline) {
        try {
          String body = get();
          String[] parts = body.trim().split(" ");
          if (parts.length != 2) {
            failures.add("unexpected body: " + body);
          } else {
            versions.add(parts[0]);
            pods.add(parts[1]);
            lastSeen.put(parts[0], System.nanoTime());
          }
        } catch (IOException e) {
          failures.add(phase + " +" + (System.nanoTime() - phaseStart) / 1_000_000 + " ms: " + e);
        }
        done.incrementAndGet();
      }
    }

    private String get() throws IOException {
      try (Socket s = new Socket()) {
        s.setSoTimeout(5000);
        s.connect(address, 5000);
        OutputStream out = s.getOutputStream();
        out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        in.transferTo(response);
        String text = response.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.0 200") && !text.startsWith("HTTP/1.1 200")) {
          throw new IOException(
              "not a 200: " + text.lines().findFirst().orElse("(empty response)"));
        }
        int body = text.indexOf("\r\n\r\n");
        return body < 0 ? "" : text.substring(body + 4);
      }
    }
  }
}

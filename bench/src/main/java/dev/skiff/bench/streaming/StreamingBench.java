package dev.skiff.bench.streaming;

import dev.skiff.api.client.Kubeconfig;
import dev.skiff.testing.ProcessResult;
import dev.skiff.testing.Processes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Streaming figures against running clusters (started by {@code bench/streaming/run.sh}): the round
 * trip of {@code kubectl exec POD -- true} (a whole kubectl process, as a user pays it) and of the
 * same exec from a WebSocket client that keeps no process (connect, upgrade through the API server
 * to the agent, run, exit status, close); on the Docker runtime both against {@code docker exec
 * CONTAINER true}; and the throughput of {@code kubectl port-forward} against a direct TCP
 * connection to the same pod server (bytes read to the end of the stream). Usage: {@code
 * StreamingBench KUBECONFIG POD POD_IP [DOCKER_KUBECONFIG DOCKER_POD CONTAINER] } with env {@code
 * EXECS} (default 50) and {@code MIB} (default 256, what the pod's port 9001 serves). Bounded:
 * every command has a timeout.
 */
public final class StreamingBench {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private StreamingBench() {}

  public static void main(String[] args) throws Exception {
    int status = 0;
    Vertx vertx = Vertx.vertx();
    try {
      run(vertx, args);
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      status = 1;
    } finally {
      vertx.close();
    }
    System.exit(status);
  }

  private static void run(Vertx vertx, String[] args) throws Exception {
    int execs = Integer.parseInt(System.getenv().getOrDefault("EXECS", "50"));
    long mib = Long.parseLong(System.getenv().getOrDefault("MIB", "256"));
    Path kubeconfig = Path.of(args[0]);
    String pod = args[1];
    String podIp = args[2];
    System.out.printf(
        "streaming, %d execs per figure, %d MiB per transfer, %d cores, load average %s%n",
        execs, mib, Runtime.getRuntime().availableProcessors(), loadAverage());
    print("process runtime: kubectl exec POD -- true", kubectlExecs(kubeconfig, pod, execs));
    print(
        "process runtime: WebSocket exec (client side)",
        webSocketExecs(vertx, kubeconfig, pod, execs));
    if (args.length >= 6) {
      Path dockerConfig = Path.of(args[3]);
      String dockerPod = args[4];
      String container = args[5];
      print("docker runtime: docker exec CONTAINER true", dockerExecs(container, execs));
      print(
          "docker runtime: kubectl exec POD -- true", kubectlExecs(dockerConfig, dockerPod, execs));
      print(
          "docker runtime: WebSocket exec (client side)",
          webSocketExecs(vertx, dockerConfig, dockerPod, execs));
    }
    throughput(kubeconfig, pod, podIp, mib);
    System.out.printf("load average after: %s%n", loadAverage());
  }

  private static long[] kubectlExecs(Path kubeconfig, String pod, int count) {
    long[] times = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      ProcessResult r = run("kubectl", "--kubeconfig=" + kubeconfig, "exec", pod, "--", "true");
      times[i] = System.nanoTime() - start;
      check(r, "kubectl exec");
    }
    return times;
  }

  private static long[] dockerExecs(String container, int count) {
    long[] times = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      ProcessResult r = run("docker", "exec", container, "true");
      times[i] = System.nanoTime() - start;
      check(r, "docker exec");
    }
    return times;
  }

  /** Each exec on a new connection, as kubectl makes one: TLS, upgrade, relay, run, status. */
  private static long[] webSocketExecs(Vertx vertx, Path kubeconfigFile, String pod, int count)
      throws Exception {
    Kubeconfig config = Kubeconfig.load(kubeconfigFile);
    WebSocketClientOptions options = new WebSocketClientOptions();
    if (config.server().startsWith("https")) {
      options.setSsl(true);
      if (config.certificateAuthorityPem() != null) {
        options.setTrustOptions(
            new PemTrustOptions().addCertValue(Buffer.buffer(config.certificateAuthorityPem())));
      }
    }
    WebSocketClient client = vertx.createWebSocketClient(options);
    String url =
        config.server().replaceFirst("^http", "ws")
            + "/api/v1/namespaces/default/pods/"
            + pod
            + "/exec?command=true&stdout=true&stderr=true";
    long[] times = new long[count];
    try {
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        String exitStatus =
            oneExec(client, url, config.token())
                .toCompletionStage()
                .toCompletableFuture()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        times[i] = System.nanoTime() - start;
        if (!exitStatus.contains("Success")) {
          throw new AssertionError("exec status: " + exitStatus);
        }
      }
    } finally {
      client.close();
    }
    return times;
  }

  private static Future<String> oneExec(WebSocketClient client, String url, String token) {
    Promise<String> status = Promise.promise();
    WebSocketConnectOptions connect =
        new WebSocketConnectOptions()
            .setAbsoluteURI(url)
            .addSubProtocol("v5.channel.k8s.io")
            .addHeader("Authorization", "Bearer " + token);
    StringBuilder received = new StringBuilder();
    client
        .connect(connect)
        .onSuccess(
            ws -> {
              ws.binaryMessageHandler(
                  m -> {
                    if (m.length() > 0 && m.getByte(0) == 3) {
                      received.append(m.getString(1, m.length()));
                    }
                  });
              ws.closeHandler(v -> status.tryComplete(received.toString()));
            })
        .onFailure(status::tryFail);
    return status.future();
  }

  /**
   * MiB/s reading {@code mib} MiB to the end of the stream, three times each, through kubectl
   * port-forward and directly; the direct connection is the 100% line.
   */
  private static void throughput(Path kubeconfig, String pod, String podIp, long mib)
      throws Exception {
    int local;
    try (ServerSocket s = new ServerSocket(0)) {
      local = s.getLocalPort();
    }
    Process forward =
        new ProcessBuilder(
                "kubectl", "--kubeconfig=" + kubeconfig, "port-forward", pod, local + ":9001")
            .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(forward.getInputStream()));
      String line = out.readLine();
      if (line == null || !line.startsWith("Forwarding from")) {
        throw new AssertionError("kubectl port-forward: " + line);
      }
      double[] direct = new double[3];
      double[] forwarded = new double[3];
      for (int i = 0; i < 3; i++) {
        direct[i] = readAll(podIp, 9001, mib);
        forwarded[i] = readAll("127.0.0.1", local, mib);
      }
      Arrays.sort(direct);
      Arrays.sort(forwarded);
      System.out.printf(
          "port-forward throughput (%d MiB, median of 3): direct TCP %.0f MiB/s, kubectl"
              + " port-forward %.0f MiB/s = %.0f%% of direct%n",
          mib, direct[1], forwarded[1], 100 * forwarded[1] / direct[1]);
    } finally {
      forward.destroy();
      forward.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static double readAll(String host, int port, long mib) throws Exception {
    long start = System.nanoTime();
    long total = 0;
    try (Socket socket = new Socket(host, port);
        InputStream in = socket.getInputStream()) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      byte[] buffer = new byte[256 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (total != mib << 20) {
      throw new AssertionError(
          host + ":" + port + " gave " + total + " bytes, not " + mib + " MiB");
    }
    return mib / seconds;
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-48s median %6.1f ms  p99 %6.1f ms  (n=%d)%n",
        what, percentile(sorted, 50), percentile(sorted, 99), sorted.length);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static ProcessResult run(String... command) {
    return Processes.run(new ProcessBuilder(List.of(command)), null, TIMEOUT);
  }

  private static void check(ProcessResult r, String what) {
    if (r.exitCode() != 0) {
      throw new AssertionError(what + " failed: " + r.all());
    }
  }

  private static String loadAverage() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }
}

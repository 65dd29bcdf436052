package dev.skiff.bench.soak;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.Kubeconfig;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Soak: a running cluster (the {@code skiff up} process whose pid is given) under steady mixed load
 * for a given time, sampled every 15 s: the cluster JVM's RSS, heap after GC, GC time, threads and
 * open files, and whether nodes stayed Ready and the controllers kept their Lease. The load:
 * Services with 20 KB annotations created and deleted, 200 KB ConfigMaps updated, bare pods created
 * and deleted, a Deployment's pods deleted (replaced, so endpoints and proxies reprogram), DNS
 * queries and HTTP requests through a ClusterIP, four fast watchers (informers) and three watchers
 * that never read (the server must close them). Every failed request is counted. Usage: {@code
 * SoakMain KUBECONFIG PID MINUTES}. Bounded: stops after MINUTES (plus the set-up), every call has
 * a timeout.
 */
public final class SoakMain {
  private static final String NS = "soak";
  private static final Duration CALL = Duration.ofSeconds(30);
  private static final String BIG = "x".repeat(200_000);
  private static final String ANNOTATION = "a".repeat(20_000);

  private final KubeClient client;
  private final Kubeconfig config;
  private final long pid;
  private final Map<String, AtomicLong> ok = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
  private final List<long[]> rss = new ArrayList<>();
  private final AtomicLong seq = new AtomicLong();
  private final AtomicLong services = new AtomicLong();
  private final AtomicLong pods = new AtomicLong();

  private SoakMain(KubeClient client, Kubeconfig config, long pid) {
    this.client = client;
    this.config = config;
    this.pid = pid;
  }

  public static void main(String[] args) {
    int status = 0;
    Vertx vertx = Vertx.vertx();
    try {
      Kubeconfig config = Kubeconfig.load(Path.of(args[0]));
      KubeClient client = new KubeClient(vertx, config);
      SoakMain soak = new SoakMain(client, config, Long.parseLong(args[1]));
      if (args[2].equals("fill")) {
        soak.fill();
      } else {
        soak.run(vertx, Integer.parseInt(args[2]));
      }
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private void run(Vertx vertx, int minutes) throws Exception {
    System.out.printf(
        "soak: %d min, cluster pid %d, %d cores, load average %s, %s%n",
        minutes, pid, Runtime.getRuntime().availableProcessors(), loadAverage(), Instant.now());
    setUp();
    List<Informer<?>> fast = new ArrayList<>();
    for (Class<? extends dev.skiff.api.model.meta.KubeObject> type :
        List.of(Service.class, Pod.class, ConfigMap.class, EndpointSlice.class)) {
      Informer<?> informer = new Informer<>(vertx, client, type, InformerOptions.defaults());
      fast.add(informer);
      Await.result(informer.start(), CALL);
    }
    String clusterIp = Await.result(client.get(Service.class, NS, "web"), CALL).spec.clusterIP;
    String dnsIp =
        Await.result(client.get(Service.class, "kube-system", "kube-dns"), CALL).spec.clusterIP;
    ScheduledExecutorService load = Executors.newScheduledThreadPool(6);
    load.scheduleWithFixedDelay(safely("services", this::churnServices), 0, 1, TimeUnit.SECONDS);
    load.scheduleWithFixedDelay(
        safely("configmaps", this::updateBigConfigMap), 0, 1, TimeUnit.SECONDS);
    load.scheduleWithFixedDelay(safely("pods", this::churnPods), 0, 3, TimeUnit.SECONDS);
    load.scheduleWithFixedDelay(safely("web pods", this::replaceWebPod), 60, 60, TimeUnit.SECONDS);
    load.scheduleWithFixedDelay(
        safely("http", () -> httpThroughProxy(clusterIp)), 0, 200, TimeUnit.MILLISECONDS);
    load.scheduleWithFixedDelay(
        safely("dns", () -> dnsQuery(dnsIp)), 0, 200, TimeUnit.MILLISECONDS);
    List<Socket> slow = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    long start = System.nanoTime();
    long nextSlowRound = 0;
    while (System.nanoTime() < end) {
      long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      if (elapsed >= nextSlowRound) {
        // three watchers that never read, opened anew every 2 minutes
        slow.forEach(SoakMain::closeQuietly);
        slow.clear();
        for (int i = 0; i < 3; i++) {
          slow.add(openSlowWatch());
        }
        nextSlowRound = elapsed + 120;
      }
      sample(elapsed);
      Thread.sleep(15_000);
    }
    sample(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    load.shutdownNow();
    load.awaitTermination(30, TimeUnit.SECONDS);
    slow.forEach(SoakMain::closeQuietly);
    long cachedServices = fast.get(0).list().size();
    fast.forEach(i -> Await.quietly(i.stop(), CALL));
    summary(cachedServices);
    cleanUp();
  }

  /**
   * Creates 200 KB ConfigMaps until the cluster reports memory pressure (or a write fails, or
   * 20,000 objects): how much a cluster of this heap holds before it says so.
   */
  private void fill() {
    System.out.printf(
        "fill: cluster pid %d, load average %s, %s%n", pid, loadAverage(), Instant.now());
    call(
        "setup",
        client
            .raw()
            .request(
                HttpMethod.POST,
                "/api/v1/namespaces",
                "application/json",
                Json.mapper()
                    .createObjectNode()
                    .put("apiVersion", "v1")
                    .put("kind", "Namespace")
                    .set("metadata", Json.mapper().createObjectNode().put("name", NS)))
            .recover(e -> Future.succeededFuture()));
    long bytes = 0;
    int created = 0;
    long pressure = 0;
    while (created < 20_000 && pressure != 1) {
      ConfigMap cm = parse(ConfigMap.class, "{\"metadata\":{\"name\":\"fill-" + created + "\"}}");
      cm.meta().namespace = NS;
      cm.data = Map.of("value", BIG);
      try {
        Await.result(client.create(cm), CALL);
      } catch (RuntimeException e) {
        System.out.printf("fill: create %d failed: %s%n", created, e);
        break;
      }
      created++;
      bytes += BIG.length();
      if (created % 25 == 0) {
        String metrics =
            Await.result(client.raw().request(HttpMethod.GET, "/metrics", null, null), CALL)
                .toString();
        pressure = metric(metrics, "skiff_memory_pressure");
        System.out.printf(
            "fill: %d objects, %d MiB of data, heap after GC %d of %d MiB, pressure %d, rss %d MiB%n",
            created,
            bytes >> 20,
            metric(metrics, "skiff_heap_used_after_gc_bytes") >> 20,
            metric(metrics, "skiff_heap_max_bytes") >> 20,
            pressure,
            rssKb() / 1024);
      }
    }
    Node node = Await.result(client.list(Node.class, null, ListOptions.none()), CALL).items.get(0);
    String condition =
        node.status.conditions.stream()
            .filter(c -> c.type.equals("MemoryPressure"))
            .map(c -> c.status + " (" + c.reason + ")")
            .findFirst()
            .orElse("?");
    System.out.printf(
        "fill summary: %d ConfigMaps of 200 KB (%d MiB) before memory pressure; node %s"
            + " MemoryPressure=%s (the node reports within its status interval); load average %s%n",
        created, bytes >> 20, node.meta().name, condition, loadAverage());
  }

  private long rssKb() {
    try {
      return field(Files.readString(Path.of("/proc/" + pid + "/status")), "VmRSS");
    } catch (Exception e) {
      return -1;
    }
  }

  private void setUp() {
    call(
        "setup",
        client
            .raw()
            .request(
                HttpMethod.POST,
                "/api/v1/namespaces",
                "application/json",
                Json.mapper()
                    .createObjectNode()
                    .put("apiVersion", "v1")
                    .put("kind", "Namespace")
                    .set("metadata", Json.mapper().createObjectNode().put("name", NS)))
            .recover(e -> Future.succeededFuture()));
    String web =
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
            + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":"
            + "[{\"name\":\"web\",\"image\":\"busybox\",\"command\":[\"sh\",\"-c\"],\"args\":["
            + "\"mkdir -p /tmp/skiff-soak/$(POD_NAME) && echo hello > /tmp/skiff-soak/$(POD_NAME)/"
            + "index.html && exec busybox httpd -f -p $(POD_IP):8080 -h /tmp/skiff-soak/$(POD_NAME)"
            + "\"],\"env\":[{\"name\":\"POD_NAME\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":"
            + "\"metadata.name\"}}},{\"name\":\"POD_IP\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":"
            + "\"status.podIP\"}}}],\"ports\":[{\"name\":\"http\",\"containerPort\":8080}],"
            + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":\"http\"},"
            + "\"periodSeconds\":1}}]}}}}";
    call(
        "setup",
        client
            .raw()
            .request(
                HttpMethod.POST,
                "/apis/apps/v1/namespaces/" + NS + "/deployments",
                "application/json",
                Json.tree(web.getBytes(StandardCharsets.UTF_8))));
    call(
        "setup",
        client.create(
            parse(
                Service.class,
                "{\"metadata\":{\"name\":\"web\",\"namespace\":\""
                    + NS
                    + "\"},\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"name\":\"http\","
                    + "\"port\":80,\"targetPort\":\"http\"}]}}")));
    // the web pods Ready before traffic starts (bounded)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && readyWebPods() < 2) {
      sleep(1000);
    }
    System.out.printf("set-up done: %d web pods Ready%n", readyWebPods());
  }

  private int readyWebPods() {
    int ready = 0;
    for (Pod pod :
        Await.result(
                client.list(Pod.class, NS, ListOptions.none().withLabelSelector("app=web")), CALL)
            .items) {
      if (pod.status != null && pod.status.conditions != null) {
        ready +=
            pod.status.conditions.stream()
                    .anyMatch(c -> c.type.equals("Ready") && c.status.equals("True"))
                ? 1
                : 0;
      }
    }
    return ready;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void churnServices() {
    long n = services.incrementAndGet();
    String svc =
        "{\"metadata\":{\"name\":\"svc-%d\",\"namespace\":\"%s\",\"annotations\":{\"big\":\"%s\"}},"
            + "\"spec\":{\"selector\":{\"app\":\"none-%d\"},\"ports\":[{\"port\":80}]}}";
    call(
        "service create", client.create(parse(Service.class, svc.formatted(n, NS, ANNOTATION, n))));
    if (n > 30) {
      call(
          "service delete",
          client.delete(Service.class, NS, "svc-" + (n - 30), DeleteOptions.none()));
    }
  }

  private void updateBigConfigMap() {
    String name = "big-" + (seq.incrementAndGet() % 5);
    ConfigMap cm = parse(ConfigMap.class, "{\"metadata\":{\"name\":\"" + name + "\"}}");
    cm.meta().namespace = NS;
    cm.data = Map.of("value", BIG, "at", Instant.now().toString());
    call(
        "configmap write",
        client
            .get(ConfigMap.class, NS, name)
            .compose(
                old -> {
                  cm.meta().resourceVersion = old.meta().resourceVersion;
                  return client.update(cm);
                },
                e -> client.create(cm)));
  }

  private void churnPods() {
    long n = pods.incrementAndGet();
    String pod =
        "{\"metadata\":{\"name\":\"churn-%d\",\"namespace\":\"%s\",\"labels\":{\"soak\":\"churn\"}},"
            + "\"spec\":{\"terminationGracePeriodSeconds\":1,\"containers\":[{\"name\":\"c\","
            + "\"image\":\"busybox\",\"command\":[\"sleep\",\"3600\"]}]}}";
    call("pod create", client.create(parse(Pod.class, pod.formatted(n, NS))));
    List<Pod> pods =
        Await.result(
                client.list(Pod.class, NS, ListOptions.none().withLabelSelector("soak=churn")),
                CALL)
            .items;
    if (pods.size() > 10) {
      pods.sort((a, b) -> a.meta().creationTimestamp.compareTo(b.meta().creationTimestamp));
      for (Pod old : pods.subList(0, pods.size() - 10)) {
        call("pod delete", client.delete(Pod.class, NS, old.meta().name, DeleteOptions.none()));
      }
    }
  }

  private void replaceWebPod() {
    List<Pod> pods =
        Await.result(
                client.list(Pod.class, NS, ListOptions.none().withLabelSelector("app=web")), CALL)
            .items;
    if (!pods.isEmpty()) {
      call(
          "pod delete",
          client.delete(Pod.class, NS, pods.get(0).meta().name, DeleteOptions.none()));
    }
  }

  private void httpThroughProxy(String clusterIp) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(clusterIp, 80), 2000);
      s.setSoTimeout(5000);
      s.getOutputStream()
          .write(("GET / HTTP/1.0\r\nHost: web\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      count(reply.startsWith("HTTP/1.") && reply.contains("hello"), "http via ClusterIP");
    } catch (Exception e) {
      count(false, "http via ClusterIP");
    }
  }

  private void dnsQuery(String dnsIp) {
    try {
      Lookup lookup = new Lookup("web." + NS + ".svc.cluster.local.", Type.A);
      SimpleResolver resolver = new SimpleResolver(dnsIp);
      resolver.setTimeout(Duration.ofSeconds(2));
      lookup.setResolver(resolver);
      lookup.setCache(null);
      Record[] answers = lookup.run();
      count(answers != null && answers.length > 0 && answers[0] instanceof ARecord, "dns");
    } catch (Exception e) {
      count(false, "dns");
    }
  }

  private Socket openSlowWatch() {
    try {
      URI base = URI.create(serverUrl());
      Socket socket = new Socket();
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
      // plain TCP to a TLS port would be refused: speak TLS, then never read
      javax.net.ssl.SSLSocket tls =
          (javax.net.ssl.SSLSocket)
              trustAll()
                  .getSocketFactory()
                  .createSocket(socket, base.getHost(), base.getPort(), true);
      tls.startHandshake();
      OutputStream out = tls.getOutputStream();
      out.write(
          ("GET /api/v1/configmaps?watch=true HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nAuthorization: Bearer "
                  + config.token()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = tls.getInputStream();
      in.readNBytes(12);
      count(true, "slow watch open");
      return tls;
    } catch (Exception e) {
      count(false, "slow watch open");
      return new Socket();
    }
  }

  private void sample(long elapsed) {
    try {
      String status = Files.readString(Path.of("/proc/" + pid + "/status"));
      long rssKb = field(status, "VmRSS");
      long threads = field(status, "Threads");
      long fds;
      try (var list = Files.list(Path.of("/proc/" + pid + "/fd"))) {
        fds = list.count();
      }
      String metrics =
          Await.result(client.raw().request(HttpMethod.GET, "/metrics", null, null), CALL)
              .toString();
      long heapAfterGc = metric(metrics, "skiff_heap_used_after_gc_bytes");
      long heapMax = metric(metrics, "skiff_heap_max_bytes");
      long pressure = metric(metrics, "skiff_memory_pressure");
      long terminated = sum(metrics, "apiserver_terminated_watchers_total");
      double gcSeconds = gcSeconds();
      int notReady = 0;
      for (Node node :
          Await.result(client.list(Node.class, null, ListOptions.none()), CALL).items) {
        boolean ready = false;
        for (NodeCondition c : node.status.conditions) {
          ready |= c.type.equals("Ready") && c.status.equals("True");
        }
        notReady += ready ? 0 : 1;
      }
      Lease lease =
          Await.result(client.get(Lease.class, "kube-system", "skiff-controller-manager"), CALL);
      int transitions = lease.spec.leaseTransitions == null ? 0 : lease.spec.leaseTransitions;
      rss.add(new long[] {elapsed, rssKb});
      System.out.printf(
          "t=%4ds rss=%4d MiB heap_after_gc=%4d/%d MiB pressure=%d gc=%.1fs threads=%d fds=%d"
              + " nodes_not_ready=%d lease_transitions=%d slow_watchers_closed=%d load=%s"
              + " ok=%s failed=%s%n",
          elapsed,
          rssKb / 1024,
          heapAfterGc >> 20,
          heapMax >> 20,
          pressure,
          gcSeconds,
          threads,
          fds,
          notReady,
          transitions,
          terminated,
          loadAverage(),
          ok,
          failed);
    } catch (Exception e) {
      System.out.printf("t=%4ds sample failed: %s%n", elapsed, e);
      count(false, "sample");
    }
  }

  private void summary(long cachedServices) {
    long[] first = rss.get(0);
    long[] last = rss.get(rss.size() - 1);
    // least-squares slope of RSS over the second half (after warm-up), MiB per hour
    List<long[]> tail = rss.subList(rss.size() / 2, rss.size());
    double mx = tail.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double my = tail.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    for (long[] p : tail) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    double slopeMiBPerHour = sxx == 0 ? 0 : sxy / sxx * 3600 / 1024;
    System.out.printf(
        "summary: rss start %d MiB, end %d MiB, max %d MiB, slope (second half) %.1f MiB/h;"
            + " fast watcher cached %d services; ok=%s failed=%s; load average %s%n",
        first[1] / 1024,
        last[1] / 1024,
        rss.stream().mapToLong(p -> p[1]).max().orElse(0) / 1024,
        slopeMiBPerHour,
        cachedServices,
        ok,
        failed,
        loadAverage());
  }

  private void cleanUp() {
    Await.quietly(
        client.raw().request(HttpMethod.DELETE, "/api/v1/namespaces/" + NS, null, null), CALL);
  }

  private String serverUrl() {
    return config.server();
  }

  private void call(String what, Future<?> future) {
    try {
      Await.result(future, CALL);
      count(true, what);
    } catch (RuntimeException e) {
      count(false, what);
      if (failed.get(what).get() <= 3) {
        System.out.printf("%s failed: %s%n", what, e);
      }
    }
  }

  /** A periodic task that counts its failures instead of being cancelled by the first one. */
  private Runnable safely(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        count(false, what + " task");
      }
    };
  }

  private void count(boolean success, String what) {
    (success ? ok : failed).computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  private static <T> T parse(Class<T> type, String json) {
    return Json.parse(json, type);
  }

  private double gcSeconds() {
    try {
      Process jstat = new ProcessBuilder("jstat", "-gcutil", Long.toString(pid)).start();
      String[] lines = new String(jstat.getInputStream().readAllBytes()).strip().split("\n");
      jstat.waitFor(10, TimeUnit.SECONDS);
      String[] head = lines[0].trim().split("\\s+");
      String[] values = lines[1].trim().split("\\s+");
      for (int i = 0; i < head.length; i++) {
        if (head[i].equals("GCT")) {
          return Double.parseDouble(values[i]);
        }
      }
    } catch (Exception e) {
      // no jstat: GC time unknown
    }
    return -1;
  }

  private static long field(String status, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+)").matcher(status);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static long metric(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)").matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static long sum(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\d+)").matcher(text);
    long total = 0;
    while (m.find()) {
      total += Long.parseLong(m.group(1));
    }
    return total;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static javax.net.ssl.SSLContext trustAll() throws Exception {
    javax.net.ssl.TrustManager[] all = {
      new javax.net.ssl.X509TrustManager() {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
          return new java.security.cert.X509Certificate[0];
        }
      }
    };
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, all, null);
    return context;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (Exception e) {
      // gone already
    }
  }
}

package dev.skiff.bench.api;

import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.testing.TestApiServers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API server benchmark: one api-server replica (Hazelcast store) and its clients in one JVM, on
 * loopback. Measures creates/s from 16 concurrent clients for 10k pods, write latency, list latency
 * at 10k pods and watch delivery lag. Run with bench/api/run.sh.
 */
public final class ApiServerBench {
  private static final int CLIENTS = Integer.getInteger("clients", 16);
  private static final int PODS = Integer.getInteger("pods", 10_000);
  // -Dpersist=true: the store persists in a fresh data directory, as `skiff up` runs it.
  private static final boolean PERSIST = Boolean.getBoolean("persist");

  public static void main(String[] args) throws Exception {
    Path dataDir = PERSIST ? Files.createTempDirectory("skiff-bench-") : null;
    System.out.println("store: " + (PERSIST ? "persisted in " + dataDir : "memory only"));
    try (TestApiServers servers =
        TestApiServers.start(1, s -> s.withDataDir(dataDir), HzStoreOptions.defaults(), o -> o)) {
      Vertx vertx = Vertx.vertx();
      URI url = URI.create(servers.url(0));
      HttpClient http =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setDefaultHost(url.getHost())
                  .setDefaultPort(url.getPort())
                  .setSsl(url.getScheme().equals("https"))
                  .setTrustAll(true)
                  .setVerifyHost(false)
                  .setKeepAlive(true),
              new PoolOptions().setHttp1MaxSize(CLIENTS + 4));
      String auth = "Bearer " + TestApiServers.TOKEN;
      warmUp(http, auth);
      long listRv = listRv(http, auth);
      Map<String, Long> acked = new ConcurrentHashMap<>();
      long[] lagFromAck = new long[PODS];
      long[] lagFromSend = new long[PODS];
      Map<String, Long> sent = new ConcurrentHashMap<>();
      AtomicInteger seen = new AtomicInteger();
      Promise<Void> allSeen = Promise.promise();
      watch(
          http,
          auth,
          listRv,
          name -> {
            long now = System.nanoTime();
            Long s = sent.get(name);
            int i = seen.getAndIncrement();
            if (s != null && i < PODS) {
              lagFromSend[i] = now - s;
              Long a = acked.get(name);
              lagFromAck[i] = a == null ? 0 : Math.max(0, now - a);
            }
            if (i + 1 == PODS) {
              allSeen.tryComplete();
            }
          });
      long[] writeLatency = new long[PODS];
      AtomicInteger next = new AtomicInteger();
      long cpuBefore = cpuNanos();
      long gcBefore = gcMillis();
      long start = System.nanoTime();
      List<Future<Void>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(createLoop(http, auth, next, writeLatency, sent, acked, "default", PODS));
      }
      Future.all(clients).toCompletionStage().toCompletableFuture().get();
      double seconds = (System.nanoTime() - start) / 1e9;
      allSeen.future().toCompletionStage().toCompletableFuture().get();
      double cpuPerCreate = (cpuNanos() - cpuBefore) / 1e3 / PODS;
      long gcPause = gcMillis() - gcBefore;
      Percentiles writes = new Percentiles(writeLatency, PODS);
      System.out.printf(
          "creates: %d pods, %d concurrent clients, %.2f s, %.0f creates/s%n",
          PODS, CLIENTS, seconds, PODS / seconds);
      System.out.printf(
          "write latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          writes.millis(50), writes.millis(99), writes.millis(100));
      System.out.printf(
          "JVM CPU per create (server + clients + watcher): %.0f us; GC pauses %d ms; load average %s%n",
          cpuPerCreate, gcPause, loadAverage());
      Percentiles ack = new Percentiles(lagFromAck, Math.min(PODS, seen.get()));
      Percentiles send = new Percentiles(lagFromSend, Math.min(PODS, seen.get()));
      System.out.printf(
          "watch lag after the write's acknowledgement: p50 %.2f ms, p99 %.2f ms%n",
          ack.millis(50), ack.millis(99));
      System.out.printf(
          "watch lag from the write's request: p50 %.2f ms, p99 %.2f ms%n",
          send.millis(50), send.millis(99));
      for (String accept :
          List.of(
              "application/json",
              "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")) {
        long[] lists = new long[5];
        long listCpu = cpuNanos();
        for (int i = 0; i < lists.length; i++) {
          long t = System.nanoTime();
          int size = list(http, auth, accept);
          lists[i] = System.nanoTime() - t;
          if (i == 0) {
            System.out.printf(
                "list (%s): %d bytes%n", accept.contains("Table") ? "Table" : "JSON", size);
          }
        }
        Percentiles p = new Percentiles(lists, lists.length);
        System.out.printf(
            "list of %d pods (%s): median %.1f ms, max %.1f ms, JVM CPU per list %.0f ms%n",
            PODS,
            accept.contains("Table") ? "Table, as kubectl get asks" : "JSON",
            p.millis(50),
            p.millis(100),
            (cpuNanos() - listCpu) / 1e6 / lists.length);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
    if (dataDir != null) {
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.exit(0);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(gc -> !gc.getName().contains("Concurrent"))
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static Future<Void> createLoop(
      HttpClient http,
      String auth,
      AtomicInteger next,
      long[] latency,
      Map<String, Long> sent,
      Map<String, Long> acked,
      String namespace,
      int count) {
    int i = next.getAndIncrement();
    if (i >= count) {
      return Future.succeededFuture();
    }
    String name = "bench-" + i;
    Buffer body = Buffer.buffer(pod(name).encode());
    long t = System.nanoTime();
    sent.put(name, t);
    return http.request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI("/api/v1/namespaces/" + namespace + "/pods")
                .putHeader("Authorization", auth)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json"))
        .compose(req -> req.send(body))
        .compose(
            resp ->
                resp.body()
                    .map(
                        b -> {
                          long done = System.nanoTime();
                          if (resp.statusCode() != 201) {
                            throw new IllegalStateException(
                                "create failed: " + resp.statusCode() + " " + b);
                          }
                          acked.put(name, done);
                          latency[i] = done - t;
                          return null;
                        }))
        .compose(v -> createLoop(http, auth, next, latency, sent, acked, namespace, count));
  }

  private static JsonObject pod(String name) {
    return new JsonObject()
        .put("apiVersion", "v1")
        .put("kind", "Pod")
        .put(
            "metadata",
            new JsonObject()
                .put("name", name)
                .put(
                    "labels",
                    new JsonObject()
                        .put("app", "bench")
                        .put("shard", name.substring(name.length() - 1))))
        .put(
            "spec",
            new JsonObject()
                .put(
                    "containers",
                    new io.vertx.core.json.JsonArray()
                        .add(
                            new JsonObject()
                                .put("name", "app")
                                .put("image", "busybox")
                                .put(
                                    "command",
                                    new io.vertx.core.json.JsonArray().add("sleep").add("3600"))
                                .put(
                                    "ports",
                                    new io.vertx.core.json.JsonArray()
                                        .add(new JsonObject().put("containerPort", 8080))))));
  }

  /**
   * Warms the JIT like any long-running server is warm: WARMUP creates (default 5,000) into a
   * namespace of their own, by the same 16 clients, before anything is measured.
   */
  private static void warmUp(HttpClient http, String auth) throws Exception {
    int count = Integer.getInteger("warmup", 5_000);
    http.request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI("/api/v1/namespaces")
                .putHeader("Authorization", auth)
                .putHeader("Content-Type", "application/json"))
        .compose(
            req ->
                req.send(
                    "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"warmup\"}}"))
        .compose(resp -> resp.body())
        .toCompletionStage()
        .toCompletableFuture()
        .get();
    AtomicInteger next = new AtomicInteger();
    long[] ignored = new long[count];
    List<Future<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(
          createLoop(
              http,
              auth,
              next,
              ignored,
              new ConcurrentHashMap<>(),
              new ConcurrentHashMap<>(),
              "warmup",
              count));
    }
    Future.all(clients).toCompletionStage().toCompletableFuture().get();
    for (int i = 0; i < 200; i++) {
      get(http, auth, "/api/v1/namespaces/default/pods?limit=1", "application/json");
    }
  }

  private static long listRv(HttpClient http, String auth) throws Exception {
    Buffer b = get(http, auth, "/api/v1/namespaces/default/pods", "application/json");
    return Long.parseLong(new JsonObject(b).getJsonObject("metadata").getString("resourceVersion"));
  }

  private static int list(HttpClient http, String auth, String accept) throws Exception {
    return get(http, auth, "/api/v1/namespaces/default/pods", accept).length();
  }

  private static Buffer get(HttpClient http, String auth, String uri, String accept)
      throws Exception {
    return http.request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(uri)
                .putHeader("Authorization", auth)
                .putHeader("Accept", accept))
        .compose(req -> req.send().compose(resp -> resp.body()))
        .toCompletionStage()
        .toCompletableFuture()
        .get();
  }

  private static void watch(
      HttpClient http, String auth, long rv, java.util.function.Consumer<String> onAdded)
      throws Exception {
    StringBuilder partial = new StringBuilder();
    http.request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI("/api/v1/namespaces/default/pods?watch=true&resourceVersion=" + rv)
                .putHeader("Authorization", auth)
                .putHeader("Accept", "application/json"))
        .compose(req -> req.send())
        .onSuccess(
            resp ->
                resp.handler(
                    chunk -> {
                      partial.append(chunk.toString());
                      int nl;
                      while ((nl = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, nl);
                        partial.delete(0, nl + 1);
                        JsonObject event = new JsonObject(line);
                        if ("ADDED".equals(event.getString("type"))) {
                          onAdded.accept(
                              event
                                  .getJsonObject("object")
                                  .getJsonObject("metadata")
                                  .getString("name"));
                        }
                      }
                    }))
        .toCompletionStage()
        .toCompletableFuture()
        .get();
  }
}

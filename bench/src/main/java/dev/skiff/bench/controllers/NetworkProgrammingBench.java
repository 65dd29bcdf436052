package dev.skiff.bench.controllers;

import dev.skiff.api.Json;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.WatchOptions;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.testing.ApiObjects;
import dev.skiff.server.controller.FakeKubelet;
import dev.skiff.server.controller.TestObjects;
import dev.skiff.server.controller.nodelifecycle.NodeLifecycleOptions;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Network programming latency: the time from a pod's Ready status write to the EndpointSlice that
 * lists it as ready, as a watcher of EndpointSlices (a service proxy) sees it. One api-server
 * replica with its controllers and the benchmark client in one JVM, on loopback: S Services x P
 * pods (default 1,000 x 10); every pod starts with an IP but not ready, then the pods turn Ready in
 * random order at a fixed rate. Run with bench/controllers/run.sh.
 */
public final class NetworkProgrammingBench {
  private static final int SERVICES = Integer.getInteger("services", 1000);
  private static final int PODS_PER_SERVICE = Integer.getInteger("podsPerService", 10);
  private static final int RATE = Integer.getInteger("rate", 200);
  private static final int IN_FLIGHT = 32;

  public static void main(String[] args) {
    int code = 0;
    try {
      run();
    } catch (RuntimeException e) {
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  private static void run() {
    TestCluster.Spec spec =
        TestCluster.Spec.of(1)
            .withControl(
                TestCluster.fastControllers().withNodeLifecycle(NodeLifecycleOptions.defaults()));
    try (TestCluster cluster = TestCluster.start(spec)) {
      Await.result(cluster.replica(0).manager().leading());
      Vertx vertx = Vertx.vertx();
      KubeClient client = new KubeClient(vertx, cluster.replica(0).url(), TestCluster.TOKEN);
      Await.result(client.create(FakeKubelet.node("bench-node", ApiObjects.labels())));
      heartbeat(vertx, client);
      long t0 = System.nanoTime();
      bounded(SERVICES, i -> client.create(TestObjects.service("default", "svc-" + i, "svc-" + i)));
      int total = SERVICES * PODS_PER_SERVICE;
      List<Pod> pods = Collections.synchronizedList(new ArrayList<>());
      bounded(
          total,
          i ->
              client
                  .create(pod(i))
                  .compose(p -> client.updateStatus(status(p, i, false)))
                  .onSuccess(pods::add));
      System.out.printf(
          "setup: %d services, %d pods (IP, not ready) in %.1f s%n",
          SERVICES, total, (System.nanoTime() - t0) / 1e9);
      awaitSlices(client, total);
      measure(vertx, client, pods);
      Await.result(vertx.close());
    }
  }

  /** Per pod: when its Ready write was sent and acknowledged, and when watchers saw it. */
  private static final class Timing {
    final long[] sent;
    final long[] acked;
    final long[] podSeen;
    final long[] sliceSeen;
    final AtomicInteger slicesSeen = new AtomicInteger();
    final Promise<Void> done = Promise.promise();

    Timing(int n) {
      sent = new long[n];
      acked = new long[n];
      podSeen = new long[n];
      sliceSeen = new long[n];
    }
  }

  private static void measure(Vertx vertx, KubeClient client, List<Pod> pods) {
    Timing t = new Timing(SERVICES * PODS_PER_SERVICE);
    String rv = currentRv(client);
    client.watch(
        Pod.class,
        null,
        WatchOptions.none().withResourceVersion(rv),
        event -> {
          long now = System.nanoTime();
          Pod p = event.object();
          int i = Integer.parseInt(p.meta().labels.get("index"));
          if (t.sent[i] != 0 && t.podSeen[i] == 0 && FakeKubelet.isReady(p)) {
            t.podSeen[i] = now;
          }
        });
    client.watch(
        EndpointSlice.class,
        null,
        WatchOptions.none().withResourceVersion(rv),
        event -> {
          long now = System.nanoTime();
          List<Endpoint> endpoints = event.object().endpoints;
          if (endpoints == null) {
            return;
          }
          for (Endpoint e : endpoints) {
            if (Boolean.TRUE.equals(e.conditions.ready) && e.targetRef != null) {
              int i = Integer.parseInt(e.targetRef.name.substring("pod-".length()));
              if (t.sent[i] != 0 && t.sliceSeen[i] == 0) {
                t.sliceSeen[i] = now;
                if (t.slicesSeen.incrementAndGet() == pods.size()) {
                  t.done.tryComplete();
                }
              }
            }
          }
        });
    List<Pod> order = new ArrayList<>(pods);
    Collections.shuffle(order, new Random(42));
    long cpuBefore = cpuNanos();
    long intervalNanos = 1_000_000_000L / RATE;
    long start = System.nanoTime();
    for (int k = 0; k < order.size(); k++) {
      long wait = start + k * intervalNanos - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      Pod pod = order.get(k);
      int i = Integer.parseInt(pod.meta().labels.get("index"));
      t.sent[i] = System.nanoTime();
      client.updateStatus(status(pod, i, true)).onSuccess(p -> t.acked[i] = System.nanoTime());
    }
    Await.result(t.done.future().timeout(120, java.util.concurrent.TimeUnit.SECONDS));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuPerPod = (cpuNanos() - cpuBefore) / 1e3 / pods.size();
    System.out.printf(
        "%d pods turned Ready at %d/s over %.1f s; latency percentiles p50 / p90 / p99 / max (ms):%n",
        pods.size(), RATE, seconds);
    report("status write (send -> ack)", t.sent, t.acked);
    report("pod watch event (send -> event)", t.sent, t.podSeen);
    report("controller (pod event -> slice event)", t.podSeen, t.sliceSeen);
    report("network programming (send -> slice event)", t.sent, t.sliceSeen);
    System.out.printf(
        "  JVM CPU per Ready pod (api-server + controllers + client): %.0f us; load average %s%n",
        cpuPerPod, loadAverage());
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static void report(String what, long[] from, long[] to) {
    long[] d = new long[from.length];
    int n = 0;
    for (int i = 0; i < from.length; i++) {
      if (from[i] != 0 && to[i] != 0) {
        d[n++] = to[i] - from[i];
      }
    }
    long[] sorted = Arrays.copyOf(d, n);
    Arrays.sort(sorted);
    System.out.printf(
        "  %-44s %7.1f %7.1f %7.1f %7.1f  (n=%d)%n",
        what, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 100), n);
  }

  /** Renews the node's Lease every second, as its agent would, so the node stays Ready. */
  private static void heartbeat(Vertx vertx, KubeClient client) {
    Lease lease = new Lease();
    lease.meta().namespace = "kube-node-lease";
    lease.meta().name = "bench-node";
    lease.spec().holderIdentity = "bench-node";
    lease.spec().leaseDurationSeconds = 40;
    lease.spec().renewTime = Times.microTime(Instant.now());
    Await.result(client.create(lease));
    vertx.setPeriodic(
        1000,
        id ->
            client
                .get(Lease.class, "kube-node-lease", "bench-node")
                .compose(
                    l -> {
                      l.spec().renewTime = Times.microTime(Instant.now());
                      return client.update(l);
                    }));
  }

  private static void awaitSlices(KubeClient client, int total) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      int endpoints =
          Await.result(
                  client.list(
                      EndpointSlice.class, "default", dev.skiff.api.client.ListOptions.none()))
              .items
              .stream()
              .mapToInt(s -> s.endpoints == null ? 0 : s.endpoints.size())
              .sum();
      if (endpoints >= total) {
        return;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("EndpointSlices did not list every pod within 120 s");
  }

  private static String currentRv(KubeClient client) {
    return Await.result(
            client.list(
                Service.class, "default", dev.skiff.api.client.ListOptions.none().withLimit(1)))
        .metadata
        .resourceVersion;
  }

  private static Pod pod(int i) {
    int svc = i / PODS_PER_SERVICE;
    Pod pod =
        TestObjects.pod(
            "pod-" + i,
            null,
            false,
            ApiObjects.labels("app", "svc-" + svc, "index", Integer.toString(i)));
    pod.meta().uid = null;
    pod.meta().creationTimestamp = null;
    pod.spec.nodeName = "bench-node";
    pod.status = null;
    return pod;
  }

  private static Pod status(Pod pod, int i, boolean ready) {
    Pod p = Json.copy(pod, Pod.class);
    p.status().phase = "Running";
    p.status.podIP = "127.3." + (i / 250) + "." + (i % 250 + 1);
    PodCondition c = new PodCondition();
    c.type = "Ready";
    c.status = ready ? "True" : "False";
    p.status.conditions = new ArrayList<>(List.of(c));
    return p;
  }

  /** Runs n calls with at most IN_FLIGHT outstanding; blocks until all finished. */
  private static void bounded(int n, IntFunction<Future<?>> call) {
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(IN_FLIGHT);
    java.util.concurrent.CountDownLatch left = new java.util.concurrent.CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      slots.acquireUninterruptibly();
      call.apply(i)
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  System.err.println("call failed: " + ar.cause());
                }
                slots.release();
                left.countDown();
              });
    }
    try {
      left.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double pct(long[] sorted, int p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, idx)] / 1e6;
  }
}

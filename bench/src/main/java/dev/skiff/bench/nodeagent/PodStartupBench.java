package dev.skiff.bench.nodeagent;

import dev.skiff.agent.NodeAgentOptions;
import dev.skiff.agent.pod.PodStartupTrace;
import dev.skiff.agent.testing.Docker;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pod startup latency on one node: the time from sending the pod's create request (a pod already
 * bound to the node, no probes) to the first watch event showing it Running and Ready. Runs two
 * rounds of N pods: one at a time (each waits for the previous one), then all N created at once.
 * Prints where the time went: per-stage p50/p99 from the agent's {@link PodStartupTrace}. Usage:
 * {@code PodStartupBench [process|docker] [pods] [both|burst]}. Bounded: every wait has a timeout.
 */
public final class PodStartupBench {
  private PodStartupBench() {}

  public static void main(String[] args) {
    int status = 0;
    try {
      run(args);
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private static void run(String[] args) throws Exception {
    String runtime = args.length > 0 ? args[0] : "process";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    boolean sequentialRound = args.length < 3 || !args[2].equals("burst");
    Path dir = Files.createTempDirectory("skiff-bench");
    try {
      System.out.printf(
          "pod startup, %s runtime, %d pods, %d cores, load average %s%n",
          runtime,
          count,
          Runtime.getRuntime().availableProcessors(),
          Files.readString(Path.of("/proc/loadavg")).trim());
      if (runtime.equals("docker")) {
        Docker.requireEngineAndImages();
      }
      try (TestApiServer api = TestApiServer.start()) {
        NodeAgentOptions options =
            TestNode.options(api, 90, dir).withPodResync(Duration.ofSeconds(10));
        if (runtime.equals("docker")) {
          options = options.withDockerRuntime().withServiceCidr(null);
          Docker.removeNode(options.name(), options.docker().network());
        }
        try (TestNode node = TestNode.start(options)) {
          Vertx vertx = Vertx.vertx();
          Map<String, Long> readyAt = new ConcurrentHashMap<>();
          Informer<Pod> pods =
              new Informer<>(
                  vertx, api.client(), Pod.class, InformerOptions.inNamespace("default"));
          pods.addEventHandler(new ReadyRecorder(readyAt));
          Await.result(pods.start());
          List<Long> sequential =
              sequentialRound ? round(api, node, "seq", count, readyAt, true) : List.of();
          long cpuBefore = cpuNanos();
          List<Long> burst = round(api, node, "burst", count, readyAt, false);
          System.out.printf(
              "JVM CPU per pod in the burst round (api-server, agent and watchers together, "
                  + "including deletion): %.1f ms%n",
              (cpuNanos() - cpuBefore) / 1e6 / count);
          if (sequentialRound) {
            print("one at a time", sequential);
          }
          print("all at once", burst);
          Await.result(pods.stop());
          Await.result(vertx.close());
        } finally {
          if (runtime.equals("docker")) {
            Docker.removeNode(options.name(), options.docker().network());
          }
        }
      }
    } finally {
      dev.skiff.agent.FileTrees.delete(dir);
    }
  }

  private static List<Long> round(
      TestApiServer api,
      TestNode node,
      String prefix,
      int count,
      Map<String, Long> readyAt,
      boolean oneByOne)
      throws InterruptedException {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> uids = new ConcurrentHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      Pod pod = Pods.shell(name, node.name(), "sleep 3600");
      pod.spec().terminationGracePeriodSeconds = 0L;
      sentAt.put(name, System.nanoTime());
      var created =
          api.client()
              .create(pod)
              .onSuccess(
                  p -> {
                    acknowledged.put(name, System.nanoTime());
                    uids.put(name, p.meta().uid);
                  });
      if (oneByOne) {
        Await.result(created);
        waitUntil(() -> readyAt.containsKey(name), Duration.ofSeconds(60), name);
      }
    }
    waitUntil(
        () -> sentAt.keySet().stream().allMatch(readyAt::containsKey),
        Duration.ofMinutes(5),
        prefix);
    List<Long> latencies = new ArrayList<>();
    List<Long> creates = new ArrayList<>();
    sentAt.forEach((name, sent) -> latencies.add(readyAt.get(name) - sent));
    sentAt.forEach((name, sent) -> creates.add(acknowledged.getOrDefault(name, sent) - sent));
    print(prefix + ": create acknowledged", creates);
    stages(prefix, node.agent().startupTrace(), sentAt, uids, readyAt);
    for (String name : sentAt.keySet()) {
      Await.result(
          api.client()
              .delete(Pod.class, "default", name, DeleteOptions.none().withGracePeriodSeconds(0)));
    }
    waitUntil(() -> node.agent().runtime().podUids().isEmpty(), Duration.ofMinutes(2), "cleanup");
    return latencies;
  }

  /** Per-stage latencies: from the create request through the agent's stages to the watcher. */
  private static void stages(
      String prefix,
      PodStartupTrace trace,
      Map<String, Long> sentAt,
      Map<String, String> uids,
      Map<String, Long> readyAt) {
    String[] names = {
      "create sent -> agent sees pod",
      "seen -> sync started",
      "sync started -> sandbox ready",
      "sandbox -> containers started",
      "started -> Ready status sent",
      "Ready status sent -> acknowledged",
      "acknowledged -> watcher sees Ready"
    };
    List<List<Long>> deltas = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      deltas.add(new ArrayList<>());
    }
    sentAt.forEach(
        (name, sent) -> {
          Map<PodStartupTrace.Stage, Long> s = trace.of(uids.getOrDefault(name, ""));
          List<Long> times = new ArrayList<>(List.of(sent));
          for (PodStartupTrace.Stage stage : PodStartupTrace.Stage.values()) {
            times.add(s.get(stage));
          }
          times.add(readyAt.get(name));
          for (int i = 0; i < names.length; i++) {
            if (times.get(i) != null && times.get(i + 1) != null) {
              deltas.get(i).add(times.get(i + 1) - times.get(i));
            }
          }
        });
    for (int i = 0; i < names.length; i++) {
      if (!deltas.get(i).isEmpty()) {
        print(prefix + ": " + names[i], deltas.get(i));
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void waitUntil(
      java.util.function.BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    CountDownLatch never = new CountDownLatch(1);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": timed out after " + timeout);
      }
      never.await(
          10, TimeUnit.MILLISECONDS); // the informer stamps the times; polling only ends the wait
    }
  }

  private static void print(String round, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf(
        "| %s | %d | %.0f ms | %.0f ms | %.0f ms |%n",
        round,
        sorted.size(),
        percentile(sorted, 50),
        percentile(sorted, 99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  /** Records when each pod is first seen Running and Ready. */
  private record ReadyRecorder(Map<String, Long> readyAt)
      implements dev.skiff.api.client.informer.ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      check(pod);
    }

    @Override
    public void onUpdate(Pod old, Pod pod) {
      check(pod);
    }

    private void check(Pod pod) {
      if (pod.status == null
          || !"Running".equals(pod.status.phase)
          || pod.status.conditions == null) {
        return;
      }
      for (PodCondition c : pod.status.conditions) {
        if ("Ready".equals(c.type) && "True".equals(c.status)) {
          readyAt.putIfAbsent(pod.meta().name, System.nanoTime());
        }
      }
    }
  }
}

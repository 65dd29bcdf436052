package dev.skiff.agent.stats;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.runtime.ContainerRuntime;
import dev.skiff.agent.runtime.ContainerUsage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the node and every running container each {@code interval} (as the kubelet's cAdvisor
 * does) and keeps the latest rates: CPU as nanocores (CPU time used over the window between two
 * samples) and memory as the working set at the sample. {@link #summary()} is what the API server
 * reads for metrics.k8s.io. State lives on the agent's context; /proc is read on the worker pool.
 */
public final class UsageSampler {
  private record Sample(ContainerUsage usage, Instant at) {}

  private final Vertx vertx;
  private final ContainerRuntime runtime;
  private final WorkerExecutor blocking;
  private final Clock clock;
  private final Duration interval;
  private final Map<String, Sample> containers = new HashMap<>();
  private Sample node;
  private JsonObject summary = new JsonObject().put("pods", new JsonArray());
  private long timer = -1;

  public UsageSampler(
      Vertx vertx,
      ContainerRuntime runtime,
      WorkerExecutor blocking,
      Clock clock,
      Duration interval) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.blocking = blocking;
    this.clock = clock;
    this.interval = interval;
  }

  /** Takes a first sample now and then one every interval. */
  public void start() {
    sample();
    timer = vertx.setPeriodic(interval.toMillis(), id -> sample());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /**
   * The latest rates: {@code timestamp}, {@code window} (seconds), {@code node} and {@code pods}
   * (uid and containers), each usage as {@code cpuNanoCores} and {@code memoryWorkingSetBytes}.
   * Empty until two samples have been taken.
   */
  public JsonObject summary() {
    return summary;
  }

  private void sample() {
    List<ContainerInfo> running = new ArrayList<>();
    for (String uid : runtime.podUids()) {
      runtime.containers(uid).stream().filter(ContainerInfo::running).forEach(running::add);
    }
    List<Future<ContainerUsage>> usages = new ArrayList<>();
    running.forEach(c -> usages.add(runtime.usage(c.id()).otherwise((ContainerUsage) null)));
    Future<ContainerUsage> machine = blocking.executeBlocking(ProcFs::node, false);
    Future.join(machine, Future.join(usages))
        .onComplete(ar -> record(clock.instant(), machine.result(), running, usages));
  }

  private void record(
      Instant now,
      ContainerUsage machine,
      List<ContainerInfo> running,
      List<Future<ContainerUsage>> usages) {
    JsonObject next = new JsonObject().put("timestamp", now.toString());
    if (node != null && machine != null) {
      next.put("window", seconds(node.at, now));
      next.put("node", rate(node, machine, now));
    }
    node = machine == null ? null : new Sample(machine, now);
    Map<String, JsonObject> pods = new HashMap<>();
    Map<String, Sample> seen = new HashMap<>();
    for (int i = 0; i < running.size(); i++) {
      ContainerInfo c = running.get(i);
      ContainerUsage usage = usages.get(i).result();
      if (usage == null) {
        continue;
      }
      Sample before = containers.get(c.id());
      seen.put(c.id(), new Sample(usage, now));
      if (before != null) {
        pods.computeIfAbsent(
                c.podUid(),
                uid -> new JsonObject().put("uid", uid).put("containers", new JsonArray()))
            .getJsonArray("containers")
            .add(rate(before, usage, now).put("name", c.name()));
      }
    }
    containers.clear();
    containers.putAll(seen);
    next.put("pods", new JsonArray(new ArrayList<>(pods.values())));
    summary = next;
  }

  private static JsonObject rate(Sample before, ContainerUsage now, Instant at) {
    long nanos = Math.max(1, Duration.between(before.at, at).toNanos());
    long cpu = Math.max(0, now.cpuNanos() - before.usage.cpuNanos());
    return new JsonObject()
        .put("cpuNanoCores", (long) (cpu * 1e9 / nanos))
        .put("memoryWorkingSetBytes", now.memoryBytes());
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}

package dev.skiff.proxy.dataplane;

import static dev.skiff.proxy.support.ProxyFixture.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.support.Clients;
import dev.skiff.proxy.support.ProxyFixture;
import dev.skiff.proxy.support.TestBackend;
import java.io.BufferedReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scale up, scale down and swap endpoints while clients keep sending requests: no request fails.
 * Removed backends keep running (like terminating pods draining), so a failure could only come from
 * the proxy.
 */
class ReprogrammingUnderLoadIT {
  private static final ServicePortName WEB = new ServicePortName("default", "web", "");
  private static final String CLUSTER_IP = "127.10.200.20";
  private static final int REQUESTS_BETWEEN_STEPS = 400;
  private static final int MAX_REQUESTS_PER_CLIENT = 20_000;

  private final ProxyFixture fx = new ProxyFixture();

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  @Test
  void scaleAndSwapUnderContinuousLoadFailNoRequest() throws Exception {
    List<TestBackend> pods =
        List.of(
            fx.backend("a", "127.0.2.1", 0),
            fx.backend("b", "127.0.2.2", 0),
            fx.backend("c", "127.0.2.3", 0),
            fx.backend("d", "127.0.2.4", 0),
            fx.backend("e", "127.0.2.5", 0));
    UserspaceDataPlane plane = fx.plane(ProxyOptions.forNode("n1", List.of()));
    sync(plane, snapshot(pods.subList(0, 1)));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger done = new AtomicInteger();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    List<Future<?>> loops =
        List.of(
            clients.submit(() -> load(deadline, stop, done, failures, served)),
            clients.submit(() -> load(deadline, stop, done, failures, served)));

    List<List<TestBackend>> steps =
        List.of(
            pods.subList(0, 3), // scale up
            pods.subList(0, 1), // scale down
            pods.subList(3, 5), // swap to new endpoints
            pods.subList(0, 5),
            pods.subList(4, 5));
    int applied = 0;
    for (List<TestBackend> step : steps) {
      awaitRequests(done, done.get() + REQUESTS_BETWEEN_STEPS, loops);
      sync(plane, snapshot(step));
      applied++;
    }
    awaitRequests(done, done.get() + REQUESTS_BETWEEN_STEPS, loops);
    stop.set(true);
    for (Future<?> loop : loops) {
      loop.get(60, TimeUnit.SECONDS);
    }
    clients.shutdown();

    assertThat(failures).isEmpty();
    assertThat(applied).isEqualTo(steps.size());
    assertThat(done.get()).isGreaterThanOrEqualTo((steps.size() + 1) * REQUESTS_BETWEEN_STEPS);
    assertThat(served.keySet()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
  }

  /** Waits (bounded by the loops' own deadline) until {@code count} requests are done. */
  private static void awaitRequests(AtomicInteger done, int count, List<Future<?>> loops) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> done.get() >= count || loops.stream().anyMatch(Future::isDone));
  }

  private static void load(
      long deadline,
      AtomicBoolean stop,
      AtomicInteger done,
      Queue<String> failures,
      Map<String, AtomicInteger> served) {
    for (int i = 0;
        i < MAX_REQUESTS_PER_CLIENT && !stop.get() && System.nanoTime() < deadline;
        i++) {
      try (Socket s = Clients.connect(null, CLUSTER_IP, 80)) {
        BufferedReader in = Clients.reader(s);
        String who = in.readLine();
        s.getOutputStream().write(("req " + i + "\n").getBytes(StandardCharsets.UTF_8));
        String echoed = in.readLine();
        if (who == null || !("req " + i).equals(echoed)) {
          failures.add("request " + i + ": greeting " + who + ", echo " + echoed);
        } else {
          served.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
        }
      } catch (Exception e) {
        failures.add("request " + i + ": " + e);
      }
      done.incrementAndGet();
    }
  }

  private static Snapshot snapshot(List<TestBackend> pods) {
    return Snapshot.of(
        ProxyServicePort.builder(WEB)
            .clusterIP(CLUSTER_IP)
            .port(80)
            .endpoints(pods.stream().map(p -> BackendEndpoint.of(p.ip, p.port)).toList())
            .build());
  }
}

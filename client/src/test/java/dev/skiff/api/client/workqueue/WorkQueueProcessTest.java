package dev.skiff.api.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.Await;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker runner on a real Vert.x: parallel keys, never one key twice, retries with backoff. */
class WorkQueueProcessTest {
  private Vertx vertx;
  private Context context;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private Future<Void> process(
      WorkQueue queue, int workers, java.util.function.Function<String, Future<Void>> sync) {
    Promise<Future<Void>> started = Promise.promise();
    context.runOnContext(v -> started.complete(queue.process(workers, sync)));
    return Await.result(started.future());
  }

  @Test
  void workersRunDifferentKeysInParallelButNeverOneKeyTwice() {
    WorkQueue queue = WorkQueue.create(vertx, "parallel");
    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    AtomicInteger maxSameKey = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    AtomicInteger maxTotal = new AtomicInteger();
    AtomicInteger syncs = new AtomicInteger();
    Future<Void> workers =
        process(
            queue,
            4,
            key -> {
              int same = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
              maxSameKey.accumulateAndGet(same, Math::max);
              maxTotal.accumulateAndGet(total.incrementAndGet(), Math::max);
              Promise<Void> p = Promise.promise();
              vertx.setTimer(
                  5,
                  id -> {
                    inFlight.get(key).decrementAndGet();
                    total.decrementAndGet();
                    syncs.incrementAndGet();
                    p.complete();
                  });
              return p.future();
            });

    for (int round = 0; round < 30; round++) {
      for (String key : List.of("a", "b", "c", "d", "e")) {
        queue.add(key);
      }
    }

    await().until(() -> queue.length() == 0 && total.get() == 0 && syncs.get() >= 5);
    assertThat(maxSameKey.get()).isEqualTo(1);
    assertThat(maxTotal.get()).isGreaterThan(1);
    assertThat(syncs.get()).isLessThan(150);
    queue.shutDown();
    Await.result(workers);
  }

  @Test
  void aFailingSyncIsRetriedWithGrowingDelaysAndForgottenOnSuccess() {
    WorkQueue queue =
        new WorkQueue(
            "retry",
            Scheduler.of(vertx),
            new ExponentialRateLimiter(Duration.ofMillis(20), Duration.ofSeconds(1)));
    List<Long> attempts = new CopyOnWriteArrayList<>();
    Future<Void> workers =
        process(
            queue,
            2,
            key -> {
              attempts.add(System.nanoTime() / 1_000_000);
              return attempts.size() <= 3
                  ? Future.failedFuture(new IllegalStateException("not yet"))
                  : Future.succeededFuture();
            });

    queue.add("x");

    await().until(() -> attempts.size() == 4 && queue.numRequeues("x") == 0);
    long first = attempts.get(1) - attempts.get(0);
    long third = attempts.get(3) - attempts.get(2);
    assertThat(first).isGreaterThanOrEqualTo(15);
    assertThat(third).isGreaterThanOrEqualTo(70);
    queue.shutDown();
    Await.result(workers);
  }

  @Test
  void aSyncThatThrowsCountsAsAFailure() {
    WorkQueue queue =
        new WorkQueue(
            "throws",
            Scheduler.of(vertx),
            new ExponentialRateLimiter(Duration.ofMillis(1), Duration.ofMillis(10)));
    AtomicInteger calls = new AtomicInteger();
    Future<Void> workers =
        process(
            queue,
            1,
            key -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("bug");
              }
              return Future.succeededFuture();
            });

    queue.add("k");

    await().until(() -> calls.get() == 2);
    queue.shutDown();
    Await.result(workers);
  }

  @Test
  void aSyncThatKeepsFailingIsDroppedAfterMaxRetries() {
    FakeScheduler clock = new FakeScheduler();
    WorkQueue queue =
        new WorkQueue(
            "drop",
            clock,
            new ExponentialRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1)),
            2);
    AtomicInteger calls = new AtomicInteger();
    Future<Void> workers =
        process(
            queue,
            1,
            key -> {
              calls.incrementAndGet();
              return Future.failedFuture(new IllegalStateException("never"));
            });

    queue.add("x");

    await()
        .until(
            () -> {
              clock.advance(1_000);
              return queue.dropped() == 1;
            });
    clock.advance(60_000);
    assertThat(calls.get()).isEqualTo(3);
    assertThat(queue.numRequeues("x")).isZero();
    queue.shutDown();
    Await.result(workers);
  }
}

package dev.skiff.api.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * client-go workqueue semantics, table-driven. Each script is a list of operations; some print a
 * token, and the printed tokens must equal the expectation:
 *
 * <pre>
 * add K | done K | forget K | after K MS | limit K | advance MS | shutdown
 * get       prints the key handed out, or "…" if the call is left waiting
 * pending   prints the result of the oldest waiting get: key, "…" (still waiting) or "failed"
 * len       prints the queue length
 * delays    prints every delay given to the scheduler so far
 * requeues K prints the failure count of K
 * </pre>
 */
class WorkQueueTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "keys queued twice are queued once        | add a; add a; add b; len; get; get; len         | 2 a b 0",
        "keys come out in FIFO order              | add c; add a; add b; get; get; get              | c a b",
        "done without a re-add forgets the key    | add a; get; done a; len                         | a 0",
        "a key re-added while processing waits    | add a; get; add a; len; done a; len; get        | a 0 1 a",
        "a second worker never gets a held key    | add a; get; add a; get; pending; done a; pending | a … … a",
        "a waiting getter gets the next added key | get; add b; pending; len                        | … b 0",
        "re-adds while processing collapse        | add a; get; add a; add a; done a; len; get; done a; len | a 1 a 0",
        "addAfter waits for its delay             | after a 100; len; advance 99; len; advance 1; len; get | 0 0 1 a",
        "an earlier addAfter wins                 | after a 100; after a 10; advance 10; len; get; done a; advance 90; len | 1 a 0",
        "a later addAfter does not postpone       | after a 10; after a 100; advance 10; len        | 1",
        "rate limiting backs off per key          | limit a; advance 5; get; done a; limit a; advance 10; get; done a; limit a; limit b; delays | a a 5 10 20 5",
        "a key waiting keeps its earlier time     | limit a; limit a; limit a; delays; requeues a   | 5 3",
        "forget resets the backoff                | limit a; advance 5; get; done a; limit a; requeues a; forget a; requeues a; advance 10; get; done a; limit a; delays | a 2 0 a 5 10 5",
        "rate-limited keys are queued after delay | limit a; len; advance 5; len; get               | 0 1 a",
        "shutdown fails idle getters              | get; shutdown; pending                          | … failed",
        "shutdown drains queued keys, drops adds  | add a; shutdown; add b; get; get; len          | a failed 0",
      })
  void followsClientGoSemantics(String name, String script, String expected) {
    FakeScheduler clock = new FakeScheduler();
    WorkQueue queue =
        new WorkQueue(
            "test", clock, new ExponentialRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1)));
    Deque<Future<String>> waiting = new ArrayDeque<>();
    List<String> out = new ArrayList<>();

    for (String op : script.split(";")) {
      String[] w = op.strip().split(" ");
      switch (w[0]) {
        case "add" -> queue.add(w[1]);
        case "done" -> queue.done(w[1]);
        case "forget" -> queue.forget(w[1]);
        case "after" -> queue.addAfter(w[1], Duration.ofMillis(Long.parseLong(w[2])));
        case "limit" -> queue.addRateLimited(w[1]);
        case "advance" -> clock.advance(Long.parseLong(w[1]));
        case "shutdown" -> queue.shutDown();
        case "len" -> out.add(String.valueOf(queue.length()));
        case "requeues" -> out.add(String.valueOf(queue.numRequeues(w[1])));
        case "delays" -> clock.requestedDelays.forEach(d -> out.add(String.valueOf(d)));
        case "get" -> {
          Future<String> f = queue.get();
          if (f.isComplete()) {
            out.add(f.succeeded() ? f.result() : "failed");
          } else {
            out.add("…");
            waiting.add(f);
          }
        }
        case "pending" -> {
          Future<String> f = waiting.peek();
          if (f == null || !f.isComplete()) {
            out.add("…");
          } else {
            waiting.poll();
            out.add(f.succeeded() ? f.result() : "failed");
          }
        }
        default -> throw new IllegalArgumentException("unknown op " + op);
      }
    }

    assertThat(String.join(" ", out)).isEqualTo(expected.strip());
  }

  @ParameterizedTest(name = "failure {0} waits {1} ms")
  @CsvSource({"1, 5", "2, 10", "3, 20", "8, 640", "9, 1000", "10, 1000", "70, 1000", "200, 1000"})
  void exponentialBackoffDoublesPerFailureUpToTheCap(int failures, long expectedMillis) {
    RateLimiter limiter = new ExponentialRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1));
    Duration last = Duration.ZERO;
    for (int i = 0; i < failures; i++) {
      last = limiter.when("k");
    }
    assertThat(last.toMillis()).isEqualTo(expectedMillis);
    assertThat(limiter.numRequeues("k")).isEqualTo(failures);
    assertThat(limiter.when("other").toMillis()).isEqualTo(5);
  }

  @Test
  void aKeyThatKeepsFailingIsDroppedAfterMaxRetriesAndCounted() {
    FakeScheduler clock = new FakeScheduler();
    WorkQueue queue =
        new WorkQueue(
            "drops",
            clock,
            new ExponentialRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1)),
            3);
    RuntimeException cause = new IllegalStateException("still failing");
    List<Boolean> requeued = new ArrayList<>();

    queue.add("a");
    for (int attempt = 0; attempt < 4; attempt++) {
      assertThat(queue.get().result()).isEqualTo("a");
      requeued.add(queue.retryOrDrop("a", cause));
      queue.done("a");
      clock.advance(1_000);
    }

    assertThat(requeued).containsExactly(true, true, true, false);
    assertThat(clock.requestedDelays).containsExactly(5L, 10L, 20L);
    assertThat(queue.length()).isZero();
    assertThat(queue.numRequeues("a")).isZero();
    assertThat(queue.dropped()).isEqualTo(1);

    queue.add("a");
    assertThat(queue.get().result()).isEqualTo("a");
    assertThat(queue.retryOrDrop("a", cause)).isTrue();
    assertThat(queue.dropped()).isEqualTo(1);
  }

  @Test
  void theDefaultLimitIsFifteenRetries() {
    FakeScheduler clock = new FakeScheduler();
    WorkQueue queue =
        new WorkQueue(
            "default",
            clock,
            new ExponentialRateLimiter(Duration.ofMillis(1), Duration.ofMillis(1)));
    RuntimeException cause = new IllegalStateException("still failing");
    int requeues = 0;
    while (queue.retryOrDrop("k", cause)) {
      requeues++;
    }
    assertThat(requeues).isEqualTo(WorkQueue.DEFAULT_MAX_RETRIES).isEqualTo(15);
    assertThat(queue.dropped()).isEqualTo(1);
  }
}

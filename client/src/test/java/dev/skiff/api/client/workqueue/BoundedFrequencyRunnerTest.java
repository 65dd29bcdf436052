package dev.skiff.api.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundedFrequencyRunnerTest {
  private final FakeScheduler clock = new FakeScheduler();
  private final List<Long> runs = new ArrayList<>();
  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private boolean holdRuns;
  private BoundedFrequencyRunner runner;

  @BeforeEach
  void start() {
    runner =
        new BoundedFrequencyRunner(
            "test",
            () -> {
              runs.add(clock.nowMillis());
              if (holdRuns) {
                Promise<Void> p = Promise.promise();
                inFlight.add(p);
                return p.future();
              }
              return Future.succeededFuture();
            },
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            clock);
    runner.start();
  }

  @Test
  void firstRequestRunsAtOnce() {
    runner.run();
    clock.advance(0);
    assertThat(runs).hasSize(1);
  }

  @Test
  void foldsABurstOfRequestsIntoOneRunPerMinInterval() {
    runner.run();
    clock.advance(0);
    for (int i = 0; i < 50; i++) {
      runner.run();
      clock.advance(10);
    }
    assertThat(runs).hasSize(1);
    clock.advance(500);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1) - runs.get(0)).isEqualTo(Duration.ofSeconds(1).toMillis());
  }

  @Test
  void runsAtLeastEveryMaxIntervalWithoutRequests() {
    clock.advance(35_000);
    assertThat(runs).hasSize(3);
  }

  @Test
  void aRequestDuringARunCausesExactlyOneMoreRunAfterIt() {
    holdRuns = true;
    runner.run();
    clock.advance(0);
    runner.run();
    runner.run();
    clock.advance(5_000);
    assertThat(runs).hasSize(1);

    inFlight.get(0).complete();
    clock.advance(0);
    assertThat(runs).hasSize(2);
    inFlight.get(1).complete();
    clock.advance(9_000);
    assertThat(runs).hasSize(2);
  }

  @Test
  void aFailedRunIsRetriedAfterTheMinInterval() {
    holdRuns = true;
    runner.run();
    clock.advance(0);
    inFlight.get(0).fail("boom");
    clock.advance(1_000);
    assertThat(runs).hasSize(2);
  }

  @Test
  void stopCancelsFutureRuns() {
    runner.stop();
    runner.run();
    clock.advance(60_000);
    assertThat(runs).isEmpty();
  }
}

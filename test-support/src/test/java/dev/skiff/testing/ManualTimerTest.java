package dev.skiff.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTimerTest {
  private final ManualTimer timer = new ManualTimer();
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsDueTasksInOrderOfDueTimeThenOfScheduling() {
    timer.schedule(Duration.ofMillis(20), () -> ran.add("b"));
    timer.schedule(Duration.ofMillis(10), () -> ran.add("a"));
    timer.schedule(Duration.ofMillis(20), () -> ran.add("c"));
    timer.schedule(Duration.ofMillis(30), () -> ran.add("late"));

    timer.advance(Duration.ofMillis(25));

    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(timer.nowMillis()).isEqualTo(25);
  }

  @Test
  void runsTasksThatDueTasksScheduleWithinTheSameAdvance() {
    timer.schedule(
        Duration.ofMillis(5),
        () -> {
          ran.add("first at " + timer.nowMillis());
          timer.schedule(Duration.ofMillis(5), () -> ran.add("second at " + timer.nowMillis()));
        });

    timer.advance(Duration.ofMillis(10));

    assertThat(ran).containsExactly("first at 5", "second at 10");
  }

  @Test
  void aCancelledTaskNeverRuns() {
    Runnable cancel = timer.schedule(Duration.ofMillis(1), () -> ran.add("x"));
    cancel.run();

    timer.advance(Duration.ofSeconds(1));

    assertThat(ran).isEmpty();
  }
}

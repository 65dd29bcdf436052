package dev.skiff.api.client.workqueue;

import dev.skiff.testing.ManualTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Manual time for anything driven by a {@link Scheduler}: tasks run only when the test advances the
 * clock. Published in the client test-jar for the other modules' tests.
 */
public final class FakeScheduler implements Scheduler {
  private final ManualTimer timer = new ManualTimer();

  /** Every delay asked for, in milliseconds, in order. */
  public final List<Long> requestedDelays = new CopyOnWriteArrayList<>();

  @Override
  public long nowMillis() {
    return timer.nowMillis();
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    requestedDelays.add(delay.toMillis());
    timer.schedule(delay, task);
  }

  /** Moves time forward, running every task that falls due, in order. */
  public void advance(Duration by) {
    timer.advance(by);
  }

  public void advance(long millis) {
    advance(Duration.ofMillis(millis));
  }
}

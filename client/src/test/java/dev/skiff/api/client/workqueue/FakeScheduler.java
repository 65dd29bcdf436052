package dev.skiff.api.client.workqueue;

import dev.skiff.testing.ManualTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Manual time: tasks run only when the test advances the clock. */
final class FakeScheduler implements Scheduler {
  private final ManualTimer timer = new ManualTimer();
  final List<Long> requestedDelays = new CopyOnWriteArrayList<>();

  @Override
  public long nowMillis() {
    return timer.nowMillis();
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    requestedDelays.add(delay.toMillis());
    timer.schedule(delay, task);
  }

  void advance(long millis) {
    timer.advance(Duration.ofMillis(millis));
  }
}

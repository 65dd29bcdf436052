package dev.skiff.proxy.support;

import dev.skiff.proxy.config.Scheduler;
import dev.skiff.testing.ManualTimer;
import java.time.Duration;

/** A scheduler whose time only moves when the test calls {@link #advance}. */
public final class FakeScheduler implements Scheduler {
  private final ManualTimer timer = new ManualTimer(1_000_000_000L);

  @Override
  public long nanoTime() {
    return timer.nanoTime();
  }

  @Override
  public Runnable schedule(Duration delay, Runnable task) {
    return timer.schedule(delay, task);
  }

  /** Moves time forward, running every task that falls due, in order. */
  public void advance(Duration by) {
    timer.advance(by);
  }
}

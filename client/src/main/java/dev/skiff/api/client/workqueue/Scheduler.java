package dev.skiff.api.client.workqueue;

import io.vertx.core.Vertx;
import java.time.Duration;

/** Time as the work queue sees it: injected so tests can drive delays by hand. */
public interface Scheduler {

  /** Monotonic time in milliseconds. */
  long nowMillis();

  /** Runs {@code task} once after {@code delay} (on any thread). */
  void schedule(Duration delay, Runnable task);

  /** Vert.x timers and the JVM's monotonic clock. */
  static Scheduler of(Vertx vertx) {
    return new Scheduler() {
      @Override
      public long nowMillis() {
        return System.nanoTime() / 1_000_000;
      }

      @Override
      public void schedule(Duration delay, Runnable task) {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
      }
    };
  }
}

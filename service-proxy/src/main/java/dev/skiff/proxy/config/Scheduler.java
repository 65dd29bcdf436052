package dev.skiff.proxy.config;

import io.vertx.core.Vertx;
import java.time.Duration;

/** A clock and one-shot timers, injected so that tests can drive time by hand. */
public interface Scheduler {
  long nanoTime();

  /** Runs {@code task} after {@code delay}; the returned handle cancels it. */
  Runnable schedule(Duration delay, Runnable task);

  /** Vert.x timers and {@link System#nanoTime()}. */
  static Scheduler vertx(Vertx vertx) {
    return new Scheduler() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Runnable schedule(Duration delay, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), t -> task.run());
        return () -> vertx.cancelTimer(id);
      }
    };
  }
}

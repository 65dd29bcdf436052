package dev.skiff.api.client.workqueue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Time as the work queue and the {@link BoundedFrequencyRunner} see it: injected so tests can drive
 * delays by hand.
 */
public interface Scheduler {

  /** Monotonic time in milliseconds. */
  long nowMillis();

  /** Runs {@code task} once after {@code delay} (on any thread). */
  void schedule(Duration delay, Runnable task);

  /**
   * Like {@link #schedule}; running the answer cancels the task. By default a cancelled task still
   * falls due but does nothing; real schedulers drop its timer.
   */
  default Runnable scheduleCancellable(Duration delay, Runnable task) {
    AtomicBoolean cancelled = new AtomicBoolean();
    schedule(
        delay,
        () -> {
          if (!cancelled.get()) {
            task.run();
          }
        });
    return () -> cancelled.set(true);
  }

  /** Vert.x timers and the JVM's monotonic clock. */
  static Scheduler of(Vertx vertx) {
    return monotonic(
        (delay, task) -> {
          long id = vertx.setTimer(Math.max(1, delay.toMillis()), t -> task.run());
          return () -> vertx.cancelTimer(id);
        });
  }

  /** Tasks on {@code executor}'s threads and the JVM's monotonic clock. */
  static Scheduler of(ScheduledExecutorService executor) {
    return monotonic(
        (delay, task) -> {
          var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
          return () -> future.cancel(false);
        });
  }

  /** The JVM's monotonic clock, with {@code timers} scheduling a task and answering its cancel. */
  private static Scheduler monotonic(BiFunction<Duration, Runnable, Runnable> timers) {
    return new Scheduler() {
      @Override
      public long nowMillis() {
        return System.nanoTime() / 1_000_000;
      }

      @Override
      public void schedule(Duration delay, Runnable task) {
        timers.apply(delay, task);
      }

      @Override
      public Runnable scheduleCancellable(Duration delay, Runnable task) {
        return timers.apply(delay, task);
      }
    };
  }
}

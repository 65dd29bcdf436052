package dev.skiff.proxy.config;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function no more often than {@code minInterval} and at least every {@code maxInterval},
 * like kube-proxy's BoundedFrequencyRunner: any number of {@link #run()} requests between two runs
 * fold into one run, and a request during a run causes exactly one more run after it. Never runs
 * the function twice at once.
 */
public final class BoundedFrequencyRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedFrequencyRunner.class);

  private final String name;
  private final Supplier<Future<?>> fn;
  private final long minNanos;
  private final long maxNanos;
  private final Scheduler scheduler;
  private boolean started;
  private boolean running;
  private boolean requested;
  private long lastRun;
  private long wakeAt;
  private Runnable cancelWake;

  public BoundedFrequencyRunner(
      String name,
      Supplier<Future<?>> fn,
      Duration minInterval,
      Duration maxInterval,
      Scheduler scheduler) {
    if (minInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException("minInterval > maxInterval");
    }
    this.name = name;
    this.fn = fn;
    this.minNanos = minInterval.toNanos();
    this.maxNanos = maxInterval.toNanos();
    this.scheduler = scheduler;
  }

  /** Arms the periodic run; the first run happens on the first {@link #run()} or after max. */
  public synchronized void start() {
    started = true;
    lastRun = scheduler.nanoTime() - minNanos;
    wakeAt(scheduler.nanoTime() + maxNanos);
  }

  public synchronized void stop() {
    started = false;
    if (cancelWake != null) {
      cancelWake.run();
      cancelWake = null;
    }
  }

  /** Requests a run as soon as the minimum interval allows. Callable from any thread. */
  public synchronized void run() {
    requested = true;
    if (started && !running) {
      wakeAt(Math.max(scheduler.nanoTime(), lastRun + minNanos));
    }
  }

  private void wakeAt(long at) {
    if (cancelWake != null) {
      if (wakeAt <= at) {
        return;
      }
      cancelWake.run();
    }
    wakeAt = at;
    long delay = Math.max(0, at - scheduler.nanoTime());
    cancelWake = scheduler.schedule(Duration.ofNanos(delay), this::wake);
  }

  private void wake() {
    synchronized (this) {
      cancelWake = null;
      if (!started || running) {
        return;
      }
      running = true;
      requested = false;
      lastRun = scheduler.nanoTime();
    }
    Future<?> done;
    try {
      done = fn.get();
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(
        ar -> {
          if (ar.failed()) {
            LOG.warn("{}: run failed, retrying after the minimum interval", name, ar.cause());
          }
          finished(ar.failed());
        });
  }

  private synchronized void finished(boolean failed) {
    running = false;
    requested |= failed;
    if (!started) {
      return;
    }
    wakeAt(requested ? lastRun + minNanos : lastRun + maxNanos);
  }
}

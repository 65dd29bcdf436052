package dev.skiff.api.client.workqueue;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function no more often than {@code minInterval} and at least every {@code maxInterval},
 * like kube-proxy's BoundedFrequencyRunner: any number of {@link #run()} requests between two runs
 * fold into one run, and a request during a run causes exactly one more run after it. Never runs
 * the function twice at once. A failed run (a failed future or an exception) is logged and retried
 * after the minimum interval. The service proxy's syncs and the DNS zone's publishing use it.
 */
public final class BoundedFrequencyRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedFrequencyRunner.class);

  private final String name;
  private final Supplier<Future<?>> fn;
  private final long minMillis;
  private final long maxMillis;
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
    this.minMillis = minInterval.toMillis();
    this.maxMillis = maxInterval.toMillis();
    this.scheduler = scheduler;
  }

  /** Arms the periodic run; the first run happens on the first {@link #run()} or after max. */
  public synchronized void start() {
    started = true;
    lastRun = scheduler.nowMillis() - minMillis;
    wakeAt(scheduler.nowMillis() + maxMillis);
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
      wakeAt(Math.max(scheduler.nowMillis(), lastRun + minMillis));
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
    long delay = Math.max(0, at - scheduler.nowMillis());
    cancelWake = scheduler.scheduleCancellable(Duration.ofMillis(delay), this::wake);
  }

  private void wake() {
    synchronized (this) {
      cancelWake = null;
      if (!started || running) {
        return;
      }
      running = true;
      requested = false;
      lastRun = scheduler.nowMillis();
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
    wakeAt(requested ? lastRun + minMillis : lastRun + maxMillis);
  }
}

package dev.skiff.proxy.support;

import dev.skiff.api.client.workqueue.Scheduler;
import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler whose time only moves when the test calls {@link #advance}. */
public final class FakeScheduler implements Scheduler {
  private record Task(long at, long seq, Runnable run) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private long now = 1_000_000_000L;
  private long seq;

  @Override
  public synchronized long nowMillis() {
    return now / 1_000_000;
  }

  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    scheduleCancellable(delay, task);
  }

  @Override
  public synchronized Runnable scheduleCancellable(Duration delay, Runnable task) {
    Task t = new Task(now + delay.toNanos(), seq++, task);
    tasks.add(t);
    return () -> {
      synchronized (this) {
        tasks.remove(t);
      }
    };
  }

  /** Moves time forward, running every task that falls due, in order. */
  public void advance(Duration by) {
    long until;
    synchronized (this) {
      until = now + by.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.at > until) {
          now = until;
          return;
        }
        tasks.poll();
        now = next.at;
      }
      next.run.run();
    }
  }
}

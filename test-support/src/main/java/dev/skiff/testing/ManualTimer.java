package dev.skiff.testing;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Time that moves only when the test calls {@link #advance}: the core of the fake schedulers that
 * stand in for Vert.x timers (each module adapts it to its own scheduler interface).
 */
public final class ManualTimer {
  private record Task(long at, long seq, Runnable run) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  /** Starts at time 0. */
  public ManualTimer() {
    this(0);
  }

  public ManualTimer(long startNanos) {
    this.now = startNanos;
  }

  public synchronized long nanoTime() {
    return now;
  }

  public synchronized long nowMillis() {
    return now / 1_000_000;
  }

  /** Runs {@code task} when time reaches now + {@code delay}; the answer cancels it. */
  public synchronized Runnable schedule(Duration delay, Runnable task) {
    Task t = new Task(now + delay.toNanos(), seq++, task);
    tasks.add(t);
    return () -> {
      synchronized (this) {
        tasks.remove(t);
      }
    };
  }

  /**
   * Moves time forward, running every task that falls due in order of due time (then of
   * scheduling), on the calling thread, including tasks that those tasks schedule.
   */
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

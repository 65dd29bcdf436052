package dev.skiff.api.client.workqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Manual time: tasks run only when the test advances the clock. */
final class FakeScheduler implements Scheduler {
  private record Task(long dueAt, long seq, Runnable run) {}

  private final List<Task> tasks = new ArrayList<>();
  final List<Long> requestedDelays = new ArrayList<>();
  private long now;
  private long seq;

  @Override
  public synchronized long nowMillis() {
    return now;
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    requestedDelays.add(delay.toMillis());
    tasks.add(new Task(now + delay.toMillis(), seq++, task));
  }

  void advance(long millis) {
    long target;
    synchronized (this) {
      target = now + millis;
    }
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> t.dueAt() <= target)
                .min(Comparator.comparingLong(Task::dueAt).thenComparingLong(Task::seq))
                .orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        now = next.dueAt();
      }
      next.run().run();
    }
  }
}

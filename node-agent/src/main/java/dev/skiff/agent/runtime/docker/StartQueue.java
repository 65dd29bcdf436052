package dev.skiff.agent.runtime.docker;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Bounds the container creates and starts that run against the engine at once. The engine does them
 * no faster in parallel (on a small machine it is CPU-bound: containerd, shims, runc), so a burst
 * of pods otherwise shares its throughput and every pod finishes at the end. A container of a pod
 * whose sandbox is up goes before the next sandbox, so pods become ready in the order they came.
 * Thread-safe.
 */
final class StartQueue {
  /** What a start is for; containers of started pods first. */
  enum Priority {
    CONTAINER,
    SANDBOX
  }

  private final int limit;
  private final ArrayDeque<Runnable> containers = new ArrayDeque<>();
  private final ArrayDeque<Runnable> sandboxes = new ArrayDeque<>();
  private int running;

  StartQueue(int limit) {
    this.limit = limit;
  }

  /** Runs {@code start} when a slot is free; its future completes the answer. */
  <T> Future<T> submit(Priority priority, Supplier<Future<T>> start) {
    Promise<T> answer = Promise.promise();
    Runnable task =
        () -> {
          Future<T> started;
          try {
            started = start.get();
          } catch (RuntimeException e) {
            started = Future.failedFuture(e);
          }
          started.onComplete(
              ar -> {
                next();
                answer.handle(ar);
              });
        };
    boolean now;
    synchronized (this) {
      now = running < limit;
      if (now) {
        running++;
      } else {
        (priority == Priority.CONTAINER ? containers : sandboxes).addLast(task);
      }
    }
    if (now) {
      task.run();
    }
    return answer.future();
  }

  /** Starts and sandboxes waiting for a slot. */
  synchronized int waiting() {
    return containers.size() + sandboxes.size();
  }

  private void next() {
    Runnable task;
    synchronized (this) {
      task = containers.isEmpty() ? sandboxes.pollFirst() : containers.pollFirst();
      if (task == null) {
        running--;
        return;
      }
    }
    task.run();
  }
}

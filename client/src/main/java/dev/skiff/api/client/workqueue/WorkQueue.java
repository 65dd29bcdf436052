package dev.skiff.api.client.workqueue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key queue with client-go's {@code util/workqueue} semantics:
 *
 * <ul>
 *   <li>a key added while already queued is queued once (dedup);
 *   <li>a key handed out by {@link #get()} is "processing" until {@link #done}; if it is added
 *       again meanwhile it is queued again only at {@code done}, so two workers never hold one key;
 *   <li>{@link #addAfter} delays a key; {@link #addRateLimited} delays it by its per-key backoff,
 *       which {@link #forget} resets;
 *   <li>a key whose sync keeps failing is retried at most {@code maxRetries} times, then dropped
 *       with one log line and counted in {@link #dropped()} (client-go controllers' {@code
 *       maxRetries}); the next event or resync enqueues it afresh.
 * </ul>
 *
 * Thread-safe. {@link #get()} completes on the caller's Vert.x context, if it has one.
 */
public final class WorkQueue {
  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  /** Retries of a failing key before it is dropped, as in many client-go controllers. */
  public static final int DEFAULT_MAX_RETRIES = 15;

  private final String name;
  private final Scheduler scheduler;
  private final RateLimiter limiter;
  private final int maxRetries;
  private final AtomicLong dropped = new AtomicLong();
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Set<String> dirty = new HashSet<>();
  private final Set<String> processing = new HashSet<>();
  private final Map<String, Long> waitingUntil = new HashMap<>();
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private boolean shuttingDown;

  private record Waiter(Promise<String> promise, Context context) {
    void complete(String key) {
      if (context == null) {
        promise.complete(key);
      } else {
        context.runOnContext(v -> promise.complete(key));
      }
    }
  }

  public WorkQueue(String name, Scheduler scheduler, RateLimiter limiter) {
    this(name, scheduler, limiter, DEFAULT_MAX_RETRIES);
  }

  /**
   * @param maxRetries how many times {@link #retryOrDrop} requeues a failing key before it drops it
   */
  public WorkQueue(String name, Scheduler scheduler, RateLimiter limiter, int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
    this.name = name;
    this.scheduler = scheduler;
    this.limiter = limiter;
    this.maxRetries = maxRetries;
  }

  /**
   * Vert.x timers, the default per-key exponential backoff (5 ms .. 5 min) and {@link
   * #DEFAULT_MAX_RETRIES}.
   */
  public static WorkQueue create(Vertx vertx, String name) {
    return create(vertx, name, DEFAULT_MAX_RETRIES);
  }

  /** Like {@link #create(Vertx, String)} with another retry limit. */
  public static WorkQueue create(Vertx vertx, String name, int maxRetries) {
    return new WorkQueue(name, Scheduler.of(vertx), RateLimiter.defaultLimiter(), maxRetries);
  }

  public void add(String key) {
    Runnable wakeUp;
    synchronized (this) {
      if (shuttingDown || !dirty.add(key) || processing.contains(key)) {
        return;
      }
      queue.addLast(key);
      wakeUp = handOut();
    }
    wakeUp.run();
  }

  /** Adds {@code key} after {@code delay}; a key already waiting keeps the earlier time. */
  public void addAfter(String key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    long readyAt = scheduler.nowMillis() + delay.toMillis();
    synchronized (this) {
      if (shuttingDown) {
        return;
      }
      Long earlier = waitingUntil.get(key);
      if (earlier != null && earlier <= readyAt) {
        return;
      }
      waitingUntil.put(key, readyAt);
    }
    scheduler.schedule(delay, () -> fire(key, readyAt));
  }

  /** Requeues a failed key after its backoff (5 ms, 10 ms, 20 ms, ... by default). */
  public void addRateLimited(String key) {
    addAfter(key, limiter.when(key));
  }

  /** The key succeeded: reset its backoff. */
  public void forget(String key) {
    limiter.forget(key);
  }

  public int numRequeues(String key) {
    return limiter.numRequeues(key);
  }

  /**
   * The sync of {@code key} failed with {@code cause}: requeues it rate-limited while it has
   * retries left (logged with the key and retry number), otherwise forgets its backoff, counts it
   * in {@link #dropped()} and logs that it is dropped. Returns true if the key was requeued.
   */
  public boolean retryOrDrop(String key, Throwable cause) {
    int retries = numRequeues(key);
    if (retries < maxRetries) {
      LOG.warn("{}: sync of {} failed (retry {}): {}", name, key, retries + 1, cause.toString());
      addRateLimited(key);
      return true;
    }
    forget(key);
    dropped.incrementAndGet();
    LOG.warn(
        "{}: dropping {} out of the queue after {} retries: {}",
        name,
        key,
        retries,
        cause.toString());
    return false;
  }

  /** Keys dropped by {@link #retryOrDrop} since the queue was created. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * The next key; the caller owns it until {@link #done}. Fails with {@link QueueShutDownException}
   * once shut down and drained.
   */
  public Future<String> get() {
    Context context = Vertx.currentContext();
    String key;
    synchronized (this) {
      if (queue.isEmpty()) {
        if (shuttingDown) {
          return Future.failedFuture(new QueueShutDownException(name));
        }
        Promise<String> promise = Promise.promise();
        waiters.addLast(new Waiter(promise, context));
        return promise.future();
      }
      key = take();
    }
    if (context == null) {
      return Future.succeededFuture(key);
    }
    Promise<String> promise = Promise.promise();
    new Waiter(promise, context).complete(key);
    return promise.future();
  }

  /** Processing of {@code key} finished; if it was added meanwhile, it is queued again now. */
  public void done(String key) {
    Runnable wakeUp = () -> {};
    synchronized (this) {
      processing.remove(key);
      if (dirty.contains(key)) {
        queue.addLast(key);
        wakeUp = handOut();
      }
    }
    wakeUp.run();
  }

  public synchronized int length() {
    return queue.size();
  }

  public synchronized boolean isShuttingDown() {
    return shuttingDown;
  }

  /** Stops accepting keys; idle getters fail; keys still queued are still handed out. */
  public void shutDown() {
    List<Waiter> idle;
    synchronized (this) {
      shuttingDown = true;
      waitingUntil.clear();
      idle = new ArrayList<>(waiters);
      waiters.clear();
    }
    idle.forEach(w -> w.promise().tryFail(new QueueShutDownException(name)));
  }

  /**
   * Runs {@code workers} loops of get, sync, done: success forgets the key's backoff, failure
   * requeues it rate-limited or drops it after too many retries ({@link #retryOrDrop}, logged once
   * there, with the key). Call on a Vert.x context; completes when the queue is shut down and every
   * worker has finished its current key.
   */
  public Future<Void> process(int workers, Function<String, Future<Void>> sync) {
    if (Vertx.currentContext() == null) {
      throw new IllegalStateException("process() must be called on a Vert.x context");
    }
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Promise<Void> exit = Promise.promise();
      loop(sync, exit);
      loops.add(exit.future());
    }
    return Future.all(loops).mapEmpty();
  }

  private void loop(Function<String, Future<Void>> sync, Promise<Void> exit) {
    get()
        .onComplete(
            next -> {
              if (next.failed()) {
                exit.complete();
                return;
              }
              String key = next.result();
              Future<Void> result;
              try {
                result = sync.apply(key);
              } catch (RuntimeException e) {
                result = Future.failedFuture(e);
              }
              (result == null ? Future.<Void>succeededFuture() : result)
                  .onComplete(
                      ar -> {
                        if (ar.succeeded()) {
                          forget(key);
                        } else {
                          retryOrDrop(key, ar.cause());
                        }
                        done(key);
                        loop(sync, exit);
                      });
            });
  }

  private void fire(String key, long readyAt) {
    synchronized (this) {
      Long current = waitingUntil.get(key);
      if (current == null || current != readyAt) {
        return;
      }
      waitingUntil.remove(key);
    }
    add(key);
  }

  /**
   * With the lock held: if a getter is waiting, it takes the head of the queue now; the returned
   * action completes its future and must run after the lock is released.
   */
  private Runnable handOut() {
    if (waiters.isEmpty() || queue.isEmpty()) {
      return () -> {};
    }
    Waiter waiter = waiters.pollFirst();
    String key = take();
    return () -> waiter.complete(key);
  }

  private String take() {
    String key = queue.pollFirst();
    dirty.remove(key);
    processing.add(key);
    return key;
  }
}

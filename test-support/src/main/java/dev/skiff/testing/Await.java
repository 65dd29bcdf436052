package dev.skiff.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks a test thread (never an event loop) on a Vert.x future. A failure's cause is rethrown as
 * it is when unchecked, wrapped in an {@link IllegalStateException} otherwise.
 */
public final class Await {
  /** How long {@link #result(Future)} and {@link #failure(Future)} wait. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Await() {}

  public static <T> T result(Future<T> future) {
    return result(future, TIMEOUT);
  }

  public static <T> T result(Future<T> future, Duration timeout) {
    try {
      return get(future, timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The failure of {@code future}, which must fail. */
  public static Throwable failure(Future<?> future) {
    Object value;
    try {
      value = get(future, TIMEOUT);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + value);
  }

  /** Waits for {@code future} and ignores how it ends (for closing). */
  public static void quietly(Future<?> future, Duration timeout) {
    try {
      result(future, timeout);
    } catch (RuntimeException e) {
      // closing: nothing more to do about it
    }
  }

  private static <T> T get(Future<T> future, Duration timeout) throws ExecutionException {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

package dev.skiff.api.client.workqueue;

import java.time.Duration;

/** How long a failing key waits before its next try (client-go's workqueue.RateLimiter). */
public interface RateLimiter {

  /** Records one more failure of {@code key} and returns how long it should wait. */
  Duration when(String key);

  /** The key succeeded: start over. */
  void forget(String key);

  /** Failures recorded since the last {@link #forget}. */
  int numRequeues(String key);

  /** 5 ms, 10 ms, 20 ms, ... doubling per failure of the same key, capped at 5 minutes. */
  static RateLimiter defaultLimiter() {
    return new ExponentialRateLimiter(Duration.ofMillis(5), Duration.ofMinutes(5));
  }
}

package dev.skiff.api.client.workqueue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-key exponential backoff: {@code base * 2^failures}, capped at {@code max}. */
public final class ExponentialRateLimiter implements RateLimiter {
  private final long baseMillis;
  private final long maxMillis;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public ExponentialRateLimiter(Duration base, Duration max) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.maxMillis = Math.max(baseMillis, max.toMillis());
  }

  @Override
  public Duration when(String key) {
    int exponent = failures.merge(key, 1, Integer::sum) - 1;
    if (exponent >= 62 || baseMillis > (maxMillis >> Math.min(exponent, 62))) {
      return Duration.ofMillis(maxMillis);
    }
    return Duration.ofMillis(Math.min(maxMillis, baseMillis << exponent));
  }

  @Override
  public void forget(String key) {
    failures.remove(key);
  }

  @Override
  public int numRequeues(String key) {
    return failures.getOrDefault(key, 0);
  }
}

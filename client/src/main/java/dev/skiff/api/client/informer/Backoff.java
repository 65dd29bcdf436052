package dev.skiff.api.client.informer;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, as client-go's reflector uses after a failed list or watch: each
 * step doubles up to {@code max}; the delay is the step times a random factor in [1, 2).
 */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final DoubleSupplier random;
  private long stepMillis;

  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.maxMillis = Math.max(initialMillis, max.toMillis());
    this.random = random;
    this.stepMillis = initialMillis;
  }

  /** The delay before the next attempt; grows the step. */
  long nextDelayMillis() {
    long step = stepMillis;
    stepMillis = Math.min(maxMillis, stepMillis * 2);
    return Math.min(maxMillis, (long) (step * (1 + random.getAsDouble())));
  }

  void reset() {
    stepMillis = initialMillis;
  }
}

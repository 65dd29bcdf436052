package dev.skiff.bench.api;

import java.util.Arrays;

/** Percentiles of recorded durations in nanoseconds. */
final class Percentiles {
  private final long[] sorted;

  Percentiles(long[] values, int count) {
    sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
  }

  double millis(double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  int count() {
    return sorted.length;
  }
}

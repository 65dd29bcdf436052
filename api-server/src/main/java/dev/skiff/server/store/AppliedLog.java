package dev.skiff.server.store;

import java.util.Arrays;

/**
 * Fingerprints of the last changes this replica applied, by log sequence, so it can check later
 * that the log still holds exactly those: after the log's owner dies, its backup may lack a change
 * that a reader already saw, and that sequence may then be given to another change.
 */
final class AppliedLog {
  static final int SIZE = 1024;

  private final long[] fingerprints = new long[SIZE];
  private long from;
  private long next;

  /** Forgets everything; the next change recorded will be {@code sequence}. */
  void reset(long sequence) {
    from = sequence;
    next = sequence;
  }

  void record(long sequence, byte[] change) {
    if (sequence != next) {
      reset(sequence);
    }
    fingerprints[(int) (sequence % SIZE)] = fingerprint(change);
    next = sequence + 1;
    from = Math.max(from, next - SIZE);
  }

  /** First sequence of the last {@code max} recorded changes. */
  long checkFrom(int max) {
    return Math.max(from, next - max);
  }

  long next() {
    return next;
  }

  boolean matches(long sequence, byte[] change) {
    return sequence >= from
        && sequence < next
        && fingerprints[(int) (sequence % SIZE)] == fingerprint(change);
  }

  private static long fingerprint(byte[] change) {
    return ((long) change.length << 32) | (Arrays.hashCode(change) & 0xffffffffL);
  }
}

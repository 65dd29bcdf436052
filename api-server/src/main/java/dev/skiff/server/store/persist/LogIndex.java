package dev.skiff.server.store.persist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each live key's latest record sits in the log, the bytes those records take, and the
 * largest change-log sequence recorded. Not thread-safe: {@link DiskStore} guards it.
 */
final class LogIndex {
  /** A record's place in the log file. */
  record Location(long offset, int size) {}

  private final Map<String, Location> locations = new HashMap<>();
  private long liveBytes;
  private long largestSequence = -1;
  private long largestNumber = -1;

  /** Applies a record written (or read back) at {@code offset}. */
  void apply(LogRecord record, long offset, int size) {
    largestNumber = Math.max(largestNumber, record.number());
    switch (record.type()) {
      case LogRecord.PUT -> {
        forget(locations.put(record.key(), new Location(offset, size)));
        liveBytes += size;
      }
      case LogRecord.DELETE -> forget(locations.remove(record.key()));
      default -> largestSequence = Math.max(largestSequence, record.sequence());
    }
  }

  /** Forgets {@code key} (its latest record is lost, or it was deleted by a lost record). */
  void remove(String key) {
    forget(locations.remove(key));
  }

  /** Makes the largest recorded sequence at least {@code sequence}. */
  void raiseSequence(long sequence) {
    largestSequence = Math.max(largestSequence, sequence);
  }

  /** The largest record number read or written, or -1. */
  long largestNumber() {
    return largestNumber;
  }

  Location get(String key) {
    return locations.get(key);
  }

  Set<String> keys() {
    return Set.copyOf(locations.keySet());
  }

  int size() {
    return locations.size();
  }

  /** Bytes of the live keys' records. */
  long liveBytes() {
    return liveBytes;
  }

  /** The largest sequence recorded, or -1. */
  long largestSequence() {
    return largestSequence;
  }

  /** The live records in file order, for copying into a compacted file. */
  List<Map.Entry<String, Location>> inFileOrder() {
    List<Map.Entry<String, Location>> entries = new ArrayList<>(locations.entrySet());
    entries.sort((a, b) -> Long.compare(a.getValue().offset(), b.getValue().offset()));
    return entries.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
  }

  /**
   * Points the index at a compacted file: a record before {@code copiedUpTo} in the old file moved
   * where {@code moved} says; one at or after it (written while compacting) was copied, in order,
   * to {@code tailStart} in the new file.
   */
  void relocate(Map<String, Location> moved, long copiedUpTo, long tailStart) {
    locations.replaceAll(
        (key, at) ->
            at.offset() >= copiedUpTo
                ? new Location(tailStart + at.offset() - copiedUpTo, at.size())
                : moved.get(key));
  }

  private void forget(Location previous) {
    if (previous != null) {
      liveBytes -= previous.size();
    }
  }
}

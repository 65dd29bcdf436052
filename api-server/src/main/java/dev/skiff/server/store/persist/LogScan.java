package dev.skiff.server.store.persist;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a version-2 log held in memory: hands every intact record to a visitor, skips over damage
 * to the next intact record, and describes each damaged stretch, naming its records from the heads
 * (walking forward from the stretch's start) and tails (walking backward from its end) that
 * survived.
 */
final class LogScan {
  private final byte[] bytes;
  private final LogFile.Visitor visitor;
  private final List<LogFile.Damage> damage = new ArrayList<>();
  private long lastNumber = -1;

  LogScan(byte[] bytes, LogFile.Visitor visitor) {
    this.bytes = bytes;
    this.visitor = visitor;
  }

  /** Visits the records; returns the damaged stretches in file order. */
  List<LogFile.Damage> run() {
    int at = LogFile.HEADER_SIZE;
    while (at < bytes.length) {
      LogRecord record = intact(at);
      if (record != null) {
        visitor.accept(record, at, intactLength(at));
        lastNumber = record.number();
        at += intactLength(at);
        continue;
      }
      int next = nextIntact(at + 1);
      LogRecord following = next < bytes.length ? intact(next) : null;
      describe(at, next, following == null ? -1 : following.number());
      at = next;
    }
    return List.copyOf(damage);
  }

  private LogRecord intact(int at) {
    LogRecord.Frame head = LogRecord.head(bytes, at, bytes.length - at);
    if (head == null || head.length() > bytes.length - at) {
      return null;
    }
    try {
      return LogRecord.decode(bytes, at, head.length());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private int intactLength(int at) {
    return ByteBuffer.wrap(bytes).getInt(at + Integer.BYTES);
  }

  private int nextIntact(int from) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    for (int at = from; at + Integer.BYTES <= bytes.length; at++) {
      if (b.getInt(at) == LogRecord.MAGIC && intact(at) != null) {
        return at;
      }
    }
    return bytes.length;
  }

  /**
   * Whether the unnamed stretch {@code [from, to)} is an unfinished write at the end of the file.
   */
  private boolean torn(int from, int to) {
    if (to < bytes.length) {
      return false;
    }
    byte[] magic = ByteBuffer.allocate(Integer.BYTES).putInt(LogRecord.MAGIC).array();
    boolean startsLikeARecord =
        Arrays.equals(
            bytes,
            from,
            Math.min(to, from + magic.length),
            magic,
            0,
            Math.min(to - from, magic.length));
    boolean zeros = true;
    for (int i = from; i < to && zeros; i++) {
      zeros = bytes[i] == 0;
    }
    return startsLikeARecord || zeros;
  }

  /** Names what it can of the damaged stretch {@code [start, end)}. */
  private void describe(int start, int end, long nextNumber) {
    List<LogFile.Damage> found = new ArrayList<>();
    int from = start;
    LogRecord.Frame head;
    while (from < end && (head = LogRecord.head(bytes, from, end - from)) != null) {
      int length = Math.min(head.length(), end - from);
      found.add(new LogFile.Damage(from, length, head, lastNumber, nextNumber, false));
      from += length;
    }
    List<LogFile.Damage> backward = new ArrayList<>();
    int to = end;
    LogRecord.Frame tail;
    while (to > from
        && (tail = LogRecord.tail(bytes, from, to)) != null
        && tail.length() <= to - from) {
      backward.add(
          0,
          new LogFile.Damage(
              to - tail.length(), tail.length(), tail, lastNumber, nextNumber, false));
      to -= tail.length();
    }
    if (from < to) {
      found.add(new LogFile.Damage(from, to - from, null, lastNumber, nextNumber, torn(from, to)));
    }
    found.addAll(backward);
    damage.addAll(found);
  }
}

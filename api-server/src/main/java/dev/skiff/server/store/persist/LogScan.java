package dev.skiff.server.store.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a version-2 log through a {@link LogWindow} (never the whole file at once): hands every
 * intact record to a visitor, skips over damage to the next intact record, and describes each
 * damaged stretch, naming its records from the heads (walking forward from the stretch's start) and
 * tails (walking backward from its end) that survived.
 */
final class LogScan {
  /** The most a head or a tail can take: the fixed part and the longest key. */
  private static final int FRAME_MAX = 23 + 0xffff;

  private final LogWindow in;
  private final long size;
  private final LogFile.Visitor visitor;
  private final List<LogFile.Damage> damage = new ArrayList<>();
  private long lastNumber = -1;

  LogScan(LogWindow in, LogFile.Visitor visitor) {
    this.in = in;
    this.size = in.size();
    this.visitor = visitor;
  }

  /** Visits the records; returns the damaged stretches in file order. */
  List<LogFile.Damage> run() throws IOException {
    long at = LogFile.HEADER_SIZE;
    while (at < size) {
      LogRecord record = intact(at);
      if (record != null) {
        int length = lengthAt(at);
        visitor.accept(record, at, length);
        lastNumber = record.number();
        at += length;
        continue;
      }
      long next = nextIntact(at + 1);
      LogRecord following = next < size ? intact(next) : null;
      describe(at, next, following == null ? -1 : following.number());
      at = next;
    }
    return List.copyOf(damage);
  }

  private LogRecord intact(long at) throws IOException {
    int i = in.load(at, FRAME_MAX);
    LogRecord.Frame head = LogRecord.head(in.array(), i, in.available(at));
    if (head == null || head.length() > size - at) {
      return null;
    }
    i = in.load(at, head.length());
    try {
      return LogRecord.decode(in.array(), i, head.length());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private int lengthAt(long at) throws IOException {
    int i = in.load(at, 2 * Integer.BYTES);
    return ByteBuffer.wrap(in.array()).getInt(i + Integer.BYTES);
  }

  private long nextIntact(long from) throws IOException {
    for (long at = from; at + Integer.BYTES <= size; at++) {
      int i = in.load(at, Integer.BYTES);
      if (ByteBuffer.wrap(in.array()).getInt(i) == LogRecord.MAGIC && intact(at) != null) {
        return at;
      }
    }
    return size;
  }

  /**
   * Whether the unnamed stretch {@code [from, to)} is an unfinished write at the end of the file.
   */
  private boolean torn(long from, long to) throws IOException {
    if (to < size) {
      return false;
    }
    byte[] magic = ByteBuffer.allocate(Integer.BYTES).putInt(LogRecord.MAGIC).array();
    int prefix = (int) Math.min(to - from, magic.length);
    int i = in.load(from, prefix);
    boolean startsLikeARecord = true;
    for (int k = 0; k < prefix; k++) {
      startsLikeARecord &= in.array()[i + k] == magic[k];
    }
    if (startsLikeARecord) {
      return true;
    }
    for (long at = from; at < to; ) {
      int j = in.load(at, (int) Math.min(LogWindow.SIZE, to - at));
      int n = (int) Math.min(in.available(at), to - at);
      for (int k = 0; k < n; k++) {
        if (in.array()[j + k] != 0) {
          return false;
        }
      }
      at += n;
    }
    return true;
  }

  /** Names what it can of the damaged stretch {@code [start, end)}. */
  private void describe(long start, long end, long nextNumber) throws IOException {
    List<LogFile.Damage> found = new ArrayList<>();
    long from = start;
    while (from < end) {
      int i = in.load(from, FRAME_MAX);
      int available = (int) Math.min(end - from, in.available(from));
      LogRecord.Frame head = LogRecord.head(in.array(), i, available);
      if (head == null) {
        break;
      }
      long length = Math.min(head.length(), end - from);
      found.add(new LogFile.Damage(from, length, head, lastNumber, nextNumber, false));
      from += length;
    }
    List<LogFile.Damage> backward = new ArrayList<>();
    long to = end;
    while (to > from) {
      long low = Math.max(from, to - FRAME_MAX);
      int i = in.load(low, (int) (to - low));
      LogRecord.Frame tail = LogRecord.tail(in.array(), i, i + (int) (to - low));
      if (tail == null || tail.length() > to - from) {
        break;
      }
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

package dev.skiff.agent.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Turns stored entries into what {@code kubectl logs} prints: the content (a newline after each
 * full line), optionally prefixed by the timestamp, filtered by time, cut to the last N lines and
 * limited in bytes over the whole response (the limit spans the initial read and the follow).
 */
final class LogRenderer {
  private final LogQuery query;
  private long remaining;

  LogRenderer(LogQuery query) {
    this.query = query;
    this.remaining = query.limitBytes() == null ? Long.MAX_VALUE : query.limitBytes();
  }

  /** The first batch: filtered by since, then only the last tailLines lines. */
  byte[] initial(List<LogLines.Entry> entries) {
    Deque<LogLines.Entry> kept = new ArrayDeque<>();
    long lines = 0;
    for (int i = entries.size() - 1; i >= 0; i--) {
      LogLines.Entry e = entries.get(i);
      if (query.since() != null && e.time().isBefore(query.since())) {
        break;
      }
      if (!e.partial()) {
        lines++;
      }
      if (query.tailLines() != null && lines > query.tailLines()) {
        break;
      }
      kept.addFirst(e);
    }
    return render(kept);
  }

  /** Later batches (follow): everything new, within the byte limit. */
  byte[] next(List<LogLines.Entry> entries) {
    return render(entries);
  }

  boolean exhausted() {
    return remaining <= 0;
  }

  private byte[] render(Iterable<LogLines.Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (LogLines.Entry e : entries) {
      if (remaining <= 0) {
        break;
      }
      StringBuilder text = new StringBuilder();
      if (query.timestamps()) {
        text.append(LogLines.timestamp(e.time())).append(' ');
      }
      text.append(e.content());
      if (!e.partial()) {
        text.append('\n');
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      int n = (int) Math.min(bytes.length, remaining);
      out.write(bytes, 0, n);
      remaining -= n;
    }
    return out.toByteArray();
  }
}

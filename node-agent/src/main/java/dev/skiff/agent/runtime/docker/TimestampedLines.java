package dev.skiff.agent.runtime.docker;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the payload of a Docker logs frame requested with {@code timestamps=1}: each entry is
 * {@code <RFC3339Nano> <content>} ending with a newline, or without one when the engine split a
 * long line (a partial entry).
 */
public final class TimestampedLines {
  private TimestampedLines() {}

  /** One entry; {@code partial} when it does not end a line. */
  public record Line(Instant time, byte[] content, boolean partial) {}

  public static List<Line> parse(byte[] payload) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (start < payload.length) {
      int end = start;
      while (end < payload.length && payload[end] != '\n') {
        end++;
      }
      boolean partial = end == payload.length;
      lines.add(line(payload, start, end, partial));
      start = end + 1;
    }
    return lines;
  }

  private static Line line(byte[] payload, int start, int end, boolean partial) {
    int space = start;
    while (space < end && payload[space] != ' ') {
      space++;
    }
    Instant time = null;
    try {
      time = Instant.parse(new String(payload, start, space - start, StandardCharsets.US_ASCII));
    } catch (RuntimeException e) {
      space = start - 1;
    }
    int from = Math.min(space + 1, end);
    byte[] content = new byte[end - from];
    System.arraycopy(payload, from, content, 0, content.length);
    return new Line(time == null ? Instant.now() : time, content, partial);
  }
}

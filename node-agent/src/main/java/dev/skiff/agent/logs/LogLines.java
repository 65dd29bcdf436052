package dev.skiff.agent.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The CRI log line format: {@code <RFC3339Nano time> <stdout|stderr> <F|P> <content>}. P marks a
 * partial line (a long line split in pieces); F ends a line.
 */
public final class LogLines {
  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private LogLines() {}

  /** One parsed entry; {@code content} excludes the newline. */
  public record Entry(Instant time, String stream, boolean partial, String content) {}

  public static String timestamp(Instant time) {
    return NANOS.format(time);
  }

  public static byte[] format(Instant time, String stream, boolean partial, byte[] content) {
    byte[] head =
        (timestamp(time) + " " + stream + " " + (partial ? "P " : "F "))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[head.length + content.length + 1];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(content, 0, line, head.length, content.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /** Parses one stored line (without its newline); null if it is not in CRI format. */
  public static Entry parse(String line) {
    int s1 = line.indexOf(' ');
    int s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1);
    if (s2 < 0 || s2 + 2 > line.length()) {
      return null;
    }
    Instant time;
    try {
      time = Instant.parse(line.substring(0, s1));
    } catch (RuntimeException e) {
      return null;
    }
    String stream = line.substring(s1 + 1, s2);
    boolean partial = line.charAt(s2 + 1) == 'P';
    String content = line.length() > s2 + 3 ? line.substring(s2 + 3) : "";
    return new Entry(time, stream, partial, content);
  }
}

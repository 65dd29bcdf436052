package dev.skiff.agent.logs;

import java.io.ByteArrayOutputStream;

/**
 * Cuts a byte stream into log entries: one per line (newline removed), lines longer than {@link
 * LogWriter#MAX_LINE} in partial pieces, and at the end whatever is left. Not thread-safe: one per
 * stream.
 */
public final class LineSplitter {
  private final LogWriter writer;
  private final String stream;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public LineSplitter(LogWriter writer, String stream) {
    this.writer = writer;
    this.stream = stream;
  }

  public void accept(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        writer.write(stream, line.toByteArray(), false);
        line.reset();
      } else {
        line.write(b);
        if (line.size() >= LogWriter.MAX_LINE) {
          writer.write(stream, line.toByteArray(), true);
          line.reset();
        }
      }
    }
  }

  /** End of stream: a last line without newline is written as a full line. */
  public void finish() {
    if (line.size() > 0) {
      writer.write(stream, line.toByteArray(), false);
      line.reset();
    }
  }
}

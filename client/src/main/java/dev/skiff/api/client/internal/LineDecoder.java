package dev.skiff.api.client.internal;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Newline-delimited framing over arbitrary chunks: a line may be split across chunks, and a chunk
 * may hold several lines. Blank lines are skipped. Not thread-safe (one stream, one context).
 */
public final class LineDecoder {
  private final int maxLineBytes;
  private final Consumer<Buffer> lines;
  private Buffer pending = Buffer.buffer();

  public LineDecoder(int maxLineBytes, Consumer<Buffer> lines) {
    this.maxLineBytes = maxLineBytes;
    this.lines = lines;
  }

  /** Feeds one chunk; emits every completed line. Throws if a line grows past the limit. */
  public void feed(Buffer chunk) {
    pending.appendBuffer(chunk);
    int start = 0;
    int length = pending.length();
    for (int i = 0; i < length; i++) {
      if (pending.getByte(i) == '\n') {
        emit(pending.slice(start, i));
        start = i + 1;
      }
    }
    pending = start == 0 ? pending : pending.getBuffer(start, length);
    if (pending.length() > maxLineBytes) {
      throw new IllegalStateException("watch event larger than " + maxLineBytes + " bytes");
    }
  }

  /** End of stream: a last line without a trailing newline still counts. */
  public void finish() {
    Buffer rest = pending;
    pending = Buffer.buffer();
    emit(rest);
  }

  private void emit(Buffer line) {
    for (int i = 0; i < line.length(); i++) {
      byte b = line.getByte(i);
      if (b != ' ' && b != '\r' && b != '\t') {
        lines.accept(line);
        return;
      }
    }
  }
}

package dev.skiff.agent.runtime.docker;

import io.vertx.core.buffer.Buffer;
import java.util.function.BiConsumer;

/**
 * Demultiplexes Docker's attach/logs stream for containers without a TTY: frames of an 8-byte
 * header (stream 1 = stdout, 2 = stderr, three zero bytes, a big-endian length) and the payload.
 * Frames may arrive split or glued across buffers. Not thread-safe.
 */
public final class DockerFrames {
  private final BiConsumer<String, Buffer> sink;
  private Buffer pending = Buffer.buffer();

  /**
   * @param sink gets ("stdout" | "stderr", payload) per frame
   */
  public DockerFrames(BiConsumer<String, Buffer> sink) {
    this.sink = sink;
  }

  public void feed(Buffer chunk) {
    pending.appendBuffer(chunk);
    int offset = 0;
    while (pending.length() - offset >= 8) {
      int size = pending.getInt(offset + 4);
      if (pending.length() - offset - 8 < size) {
        break;
      }
      String stream = pending.getByte(offset) == 2 ? "stderr" : "stdout";
      sink.accept(stream, pending.getBuffer(offset + 8, offset + 8 + size));
      offset += 8 + size;
    }
    pending = pending.getBuffer(offset, pending.length());
  }
}

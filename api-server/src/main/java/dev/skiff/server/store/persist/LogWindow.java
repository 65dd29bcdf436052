package dev.skiff.server.store.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file read through a window of its bytes: a scan of the store's log holds one window (1 MiB, or
 * the largest record met) instead of the whole file, so opening a log costs memory by its largest
 * record, not by its size. Not thread-safe.
 */
final class LogWindow {
  static final int SIZE = 1 << 20;

  private final FileChannel channel;
  private final long size;
  private byte[] bytes = new byte[0];
  private long base;
  private int length;

  /**
   * @param size the bytes of the file to read (the rest is not looked at)
   */
  LogWindow(FileChannel channel, long size) {
    this.channel = channel;
    this.size = size;
  }

  long size() {
    return size;
  }

  /**
   * Makes {@code [at, at + wanted)} (as far as the file goes) readable in {@link #array()}; returns
   * the index of {@code at} there.
   */
  int load(long at, int wanted) throws IOException {
    long end = Math.min(size, at + wanted);
    if (at >= base && end <= base + length) {
      return (int) (at - base);
    }
    int read = (int) Math.max(end - at, Math.min(SIZE, size - at));
    if (bytes.length < read) {
      bytes = new byte[Math.max(read, Math.min(SIZE, (int) Math.min(Integer.MAX_VALUE, size)))];
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, read);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, at + buffer.position()) < 0) {
        throw new IOException("unexpected end of file at " + (at + buffer.position()));
      }
    }
    base = at;
    length = read;
    return 0;
  }

  /** The window's bytes; valid for the range the last {@link #load} made readable. */
  byte[] array() {
    return bytes;
  }

  /** The bytes readable in {@link #array()} from file offset {@code at} (after a load of it). */
  int available(long at) {
    return (int) (base + length - at);
  }
}

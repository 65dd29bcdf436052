package dev.skiff.server.store.persist;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.skiff.api.files.PrivateFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of {@link LogRecord}s behind a 12-byte header ({@code SKIFFLOG}, version 1).
 * Opening replays every valid record and cuts off a torn or corrupt tail (a process killed in the
 * middle of a write leaves one), keeping the cut bytes beside the file. Appends are the caller's to
 * serialize; positional reads may run concurrently with them.
 */
final class LogFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogFile.class);
  private static final byte[] MAGIC = "SKIFFLOG".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  static final int HEADER_SIZE = MAGIC.length + Integer.BYTES;

  /** Receives each valid record with its place in the file. */
  interface Visitor {
    void accept(LogRecord record, long offset, int size);
  }

  /**
   * What opening the file found.
   *
   * @param validBytes the length of the file's valid prefix, header included
   * @param skippedBytes bytes after it that were cut off (0 for a clean file)
   * @param keptTail where the cut bytes were saved, or null
   */
  record Recovery(long validBytes, long skippedBytes, Path keptTail) {}

  private final Path path;
  private final FileChannel channel;
  private final Recovery recovery;
  private long end;

  private LogFile(Path path, FileChannel channel, long end, Recovery recovery) {
    this.path = path;
    this.channel = channel;
    this.end = end;
    this.recovery = recovery;
  }

  /** Creates (or empties) {@code path} as a log holding no records. */
  static LogFile create(Path path) throws IOException {
    FileChannel channel = PrivateFiles.open(path, CREATE, TRUNCATE_EXISTING, READ, WRITE);
    write(channel, header(), 0);
    return new LogFile(path, channel, HEADER_SIZE, new Recovery(HEADER_SIZE, 0, null));
  }

  /** Opens {@code path} (creating it if absent) and hands every valid record to {@code visitor}. */
  static LogFile open(Path path, Visitor visitor) throws IOException {
    FileChannel channel = PrivateFiles.open(path, CREATE, READ, WRITE);
    try {
      long size = channel.size();
      if (!checkHeader(path, channel, size)) {
        write(channel, header(), 0);
        channel.truncate(HEADER_SIZE);
        return new LogFile(path, channel, HEADER_SIZE, new Recovery(HEADER_SIZE, 0, null));
      }
      long valid = scan(channel, visitor);
      Recovery recovery = new Recovery(valid, size - valid, null);
      if (valid < size) {
        Path kept = path.resolveSibling(path.getFileName() + ".corrupt-" + valid);
        PrivateFiles.write(
            kept, read(channel, valid, (int) Math.min(size - valid, Integer.MAX_VALUE)));
        LOG.warn(
            "{}: skipped a truncated or corrupt tail of {} bytes at offset {} (the writes in it"
                + " are lost; the bytes are kept in {})",
            path,
            size - valid,
            valid,
            kept);
        channel.truncate(valid);
        channel.force(false);
        recovery = new Recovery(valid, size - valid, kept);
      }
      return new LogFile(path, channel, valid, recovery);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Recovery recovery() {
    return recovery;
  }

  Path path() {
    return path;
  }

  /** Bytes in the file, header included. */
  long size() {
    return end;
  }

  /** Appends one encoded record; returns its offset. */
  long append(ByteBuffer record) throws IOException {
    long offset = end;
    end += write(channel, record, offset);
    return offset;
  }

  /** The raw bytes of {@code [from, from + length)}. */
  byte[] read(long from, int length) throws IOException {
    return read(channel, from, length);
  }

  /** The record of {@code size} bytes at {@code offset}. */
  LogRecord record(long offset, int size) throws IOException {
    byte[] bytes = read(offset, size);
    return LogRecord.decode(Arrays.copyOfRange(bytes, LogRecord.HEADER, bytes.length));
  }

  void force() throws IOException {
    channel.force(false);
  }

  /**
   * Atomically replaces {@code target} by this file; this object then stands for {@code target}.
   */
  LogFile moveTo(Path target) throws IOException {
    Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return new LogFile(target, channel, end, recovery);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static ByteBuffer header() {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).putInt(VERSION).flip();
  }

  /**
   * True for a complete, valid header; false for a file too short to hold one whose bytes are the
   * start of one (a crash while creating it). Anything else is not ours to overwrite.
   */
  private static boolean checkHeader(Path path, FileChannel channel, long size) throws IOException {
    byte[] expected = header().array();
    byte[] actual = read(channel, 0, (int) Math.min(size, HEADER_SIZE));
    if (!Arrays.equals(actual, 0, actual.length, expected, 0, actual.length)) {
      throw new IllegalStateException("not a skiff store log (or an unknown version): " + path);
    }
    return actual.length == HEADER_SIZE;
  }

  /**
   * Returns the end of the last valid record. The stream is not closed: it would close the file.
   */
  private static long scan(FileChannel channel, Visitor visitor) throws IOException {
    channel.position(HEADER_SIZE);
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    byte[] header = new byte[LogRecord.HEADER];
    long offset = HEADER_SIZE;
    while (in.readNBytes(header, 0, header.length) == header.length) {
      ByteBuffer h = ByteBuffer.wrap(header);
      int length = h.getInt();
      int crc = h.getInt();
      if (length < 1 || length > LogRecord.MAX_BODY) {
        break;
      }
      byte[] body = in.readNBytes(length);
      if (body.length < length || LogRecord.crc(body, 0, length) != crc) {
        break;
      }
      LogRecord record;
      try {
        record = LogRecord.decode(body);
      } catch (IllegalArgumentException e) {
        break;
      }
      visitor.accept(record, offset, LogRecord.HEADER + length);
      offset += LogRecord.HEADER + length;
    }
    return offset;
  }

  private static byte[] read(FileChannel channel, long from, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, from + buffer.position()) < 0) {
        throw new IOException("unexpected end of file at " + (from + buffer.position()));
      }
    }
    return buffer.array();
  }

  private static int write(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
    int length = buffer.remaining();
    while (buffer.hasRemaining()) {
      channel.write(buffer, at + length - buffer.remaining());
    }
    return length;
  }
}

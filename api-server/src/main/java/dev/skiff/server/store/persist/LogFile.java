package dev.skiff.server.store.persist;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of {@link LogRecord}s behind a 12-byte header ({@code SKIFFLOG}, version 2).
 * Opening replays every valid record (reading the file through a window, never whole), including
 * those after a damaged one: the reader resynchronises on the next record that checks out and
 * reports each damaged stretch ({@link Damage}), naming its records where their head or tail
 * survived. A file of version 1 (unframed records, {@code [int length][int crc32c(body)][body]}) is
 * read up to its first bad record, as that version always was, for {@link DiskStore} to migrate.
 * Appends are the caller's to serialize; positional reads may run concurrently with them.
 */
final class LogFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogFile.class);
  private static final byte[] MAGIC = "SKIFFLOG".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 2;
  static final int HEADER_SIZE = MAGIC.length + Integer.BYTES;

  /** Receives each valid record with its place in the file. */
  interface Visitor {
    void accept(LogRecord record, long offset, int size);
  }

  /**
   * A stretch of the file that holds no valid record.
   *
   * @param offset where it starts
   * @param bytes its length
   * @param record what its record was, from a head or tail that survived; null when nothing did
   *     (then the stretch may have held any records)
   * @param after the number of the last intact record before it, or -1
   * @param before the number of the first intact record after it, or -1
   * @param torn an unnamed stretch that ends the file and looks like one unfinished write (it
   *     starts like a record, or is all zeros: space the file system allocated but never wrote)
   */
  record Damage(
      long offset, long bytes, LogRecord.Frame record, long after, long before, boolean torn) {}

  /**
   * What opening the file found.
   *
   * @param version the format version on disk (1 is read only, for migration)
   * @param damage the damaged stretches, in file order (empty for a clean file)
   * @param keptTail where a version-1 file's unreadable tail was saved, or null
   */
  record Recovery(int version, List<Damage> damage, Path keptTail) {
    static final Recovery CLEAN = new Recovery(VERSION, List.of(), null);
  }

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
    write(channel, header(VERSION), 0);
    return new LogFile(path, channel, HEADER_SIZE, Recovery.CLEAN);
  }

  /** Opens {@code path} (creating it if absent) and hands every valid record to {@code visitor}. */
  static LogFile open(Path path, Visitor visitor) throws IOException {
    FileChannel channel = PrivateFiles.open(path, CREATE, READ, WRITE);
    try {
      long size = channel.size();
      int version = checkHeader(path, channel, size);
      if (version < 0) {
        write(channel, header(VERSION), 0);
        channel.truncate(HEADER_SIZE);
        return new LogFile(path, channel, HEADER_SIZE, Recovery.CLEAN);
      }
      if (version == 1) {
        if (size > Integer.MAX_VALUE) {
          throw new IllegalStateException("version-1 store log larger than 2 GiB: " + path);
        }
        return openVersion1(path, channel, read(channel, 0, (int) size), visitor);
      }
      // streamed through a window: opening holds the largest record, not the whole file
      List<Damage> damage = new LogScan(new LogWindow(channel, size), visitor).run();
      return new LogFile(path, channel, size, new Recovery(VERSION, damage, null));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static LogFile openVersion1(Path path, FileChannel channel, byte[] bytes, Visitor visitor)
      throws IOException {
    int valid = scanVersion1(bytes, visitor);
    Path kept = null;
    if (valid < bytes.length) {
      kept = path.resolveSibling(path.getFileName() + ".corrupt-" + valid);
      PrivateFiles.write(kept, Arrays.copyOfRange(bytes, valid, bytes.length));
      LOG.error(
          "{}: skipped a truncated or corrupt tail of {} bytes at offset {} of a version-1 log"
              + " (the writes in it are lost; the bytes are kept in {})",
          path,
          bytes.length - valid,
          valid,
          kept);
    }
    return new LogFile(path, channel, valid, new Recovery(1, List.of(), kept));
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
    return LogRecord.decode(read(offset, size), 0, size);
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

  private static ByteBuffer header(int version) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).putInt(version).flip();
  }

  /**
   * The version of a complete, valid header; -1 for a file too short to hold one whose bytes are
   * the start of one (a crash while creating it). Anything else is not ours to overwrite.
   */
  private static int checkHeader(Path path, FileChannel channel, long size) throws IOException {
    byte[] actual = read(channel, 0, (int) Math.min(size, HEADER_SIZE));
    for (int version = VERSION; version >= 1; version--) {
      byte[] expected = header(version).array();
      if (Arrays.equals(actual, 0, actual.length, expected, 0, actual.length)) {
        return actual.length == HEADER_SIZE ? version : -1;
      }
    }
    throw new IllegalStateException("not a skiff store log (or an unknown version): " + path);
  }

  /** Visits a version-1 file's records (numbered from 0); returns the end of the valid prefix. */
  private static int scanVersion1(byte[] bytes, Visitor visitor) {
    int offset = HEADER_SIZE;
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (bytes.length - offset >= 8) {
      int length = b.getInt(offset);
      int crc = b.getInt(offset + 4);
      if (length < 1 || length > bytes.length - offset - 8) {
        break;
      }
      if (LogRecord.crc(bytes, offset + 8, length) != crc) {
        break;
      }
      LogRecord record;
      try {
        record = LogRecord.decodeV1(Arrays.copyOfRange(bytes, offset + 8, offset + 8 + length), 0);
      } catch (IllegalArgumentException e) {
        break;
      }
      visitor.accept(record, offset, 8 + length);
      offset += 8 + length;
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

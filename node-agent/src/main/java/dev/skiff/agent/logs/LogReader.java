package dev.skiff.agent.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads one container instance's log for a {@link LogQuery}: {@link #initial()} once, then (when
 * following) {@link #next()} until {@link #finished()}. Follows the current file across rotation.
 * Blocking file I/O: run it on a worker thread. Not thread-safe; one reader per request.
 */
public final class LogReader implements AutoCloseable {
  private final LogStore store;
  private final LogKey key;
  private final LogRenderer renderer;
  private final Path current;
  private FileChannel channel;
  private Object channelKey;
  private final StringBuilder pending = new StringBuilder();

  public LogReader(LogStore store, LogKey key, LogQuery query) {
    this.store = store;
    this.key = key;
    this.renderer = new LogRenderer(query);
    this.current = store.file(key);
  }

  /** Everything stored now, filtered by the query. */
  public byte[] initial() {
    openCurrent();
    List<LogLines.Entry> entries = new ArrayList<>();
    for (Path file : store.files(key)) {
      if (!file.equals(current)) {
        readWhole(file, entries);
      }
    }
    drain(entries);
    return renderer.initial(entries);
  }

  /** Lines appended since the last call (possibly none). */
  public byte[] next() {
    List<LogLines.Entry> entries = new ArrayList<>();
    drain(entries);
    if (entries.isEmpty() && rotated()) {
      close();
      openCurrent();
      drain(entries);
    }
    return renderer.next(entries);
  }

  /** True when nothing more will come: the byte limit is reached or the writer is closed. */
  public boolean finished() {
    if (renderer.exhausted()) {
      return true;
    }
    if (store.isWriting(key)) {
      return false;
    }
    return !hasUnread();
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // read-only
      }
      channel = null;
    }
  }

  private boolean hasUnread() {
    try {
      return (channel != null && channel.position() < channel.size()) || rotated();
    } catch (IOException e) {
      return false;
    }
  }

  private void openCurrent() {
    try {
      channel = FileChannel.open(current, StandardOpenOption.READ);
      channelKey = fileKey(current);
    } catch (NoSuchFileException e) {
      channel = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean rotated() {
    if (!Files.exists(current)) {
      return false;
    }
    return channel == null || !Objects.equals(channelKey, fileKey(current));
  }

  private void drain(List<LogLines.Entry> into) {
    if (channel == null) {
      return;
    }
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      while (channel.read(buffer) > 0) {
        buffer.flip();
        pending.append(StandardCharsets.UTF_8.decode(buffer));
        buffer.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int end = pending.lastIndexOf("\n");
    if (end < 0) {
      return;
    }
    parseLines(pending.substring(0, end), into);
    pending.delete(0, end + 1);
  }

  private static void readWhole(Path file, List<LogLines.Entry> into) {
    try {
      parseLines(Files.readString(file, StandardCharsets.UTF_8), into);
    } catch (NoSuchFileException rotatedAway) {
      // rotated out while we listed; its lines are gone
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void parseLines(String text, List<LogLines.Entry> into) {
    for (String line : text.split("\n")) {
      LogLines.Entry entry = LogLines.parse(line);
      if (entry != null) {
        into.add(entry);
      }
    }
  }

  private static Object fileKey(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }
}

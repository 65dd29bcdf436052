package dev.skiff.agent.logs;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Appends CRI-format lines to one container instance's log file and rotates it at {@code maxBytes}
 * (keeping {@code maxFiles} files). Directories are created 0700 and files 0600 ({@link
 * PrivateFiles}): a pod's output may hold secrets. Thread-safe: stdout and stderr pumps share one
 * writer. Blocking.
 */
public final class LogWriter implements AutoCloseable {
  /** Lines longer than this are split into partial (P) entries, as container runtimes do. */
  public static final int MAX_LINE = 16 * 1024;

  private final Path file;
  private final long maxBytes;
  private final int maxFiles;
  private final Runnable onClose;
  private OutputStream out;
  private long size;
  private boolean closed;

  LogWriter(Path file, long maxBytes, int maxFiles, Runnable onClose) {
    this.file = file;
    this.maxBytes = maxBytes;
    this.maxFiles = maxFiles;
    this.onClose = onClose;
    try {
      PrivateFiles.createDirectories(file.getParent());
      this.out = PrivateFiles.append(file);
      this.size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one entry stamped {@code time}; {@code partial} if the line continues. */
  public synchronized void write(Instant time, String stream, byte[] content, boolean partial) {
    if (closed) {
      return;
    }
    byte[] line = LogLines.format(time, stream, partial, content);
    try {
      if (size > 0 && size + line.length > maxBytes) {
        rotate();
      }
      out.write(line);
      size += line.length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String stream, byte[] content, boolean partial) {
    write(Instant.now(), stream, content, partial);
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException ignored) {
      // nothing more to write
    } finally {
      onClose.run();
    }
  }

  private void rotate() throws IOException {
    out.close();
    PrivateFiles.rotate(file, maxFiles - 1);
    out = PrivateFiles.append(file);
    size = 0;
  }
}

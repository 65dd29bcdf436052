package dev.skiff.cli.embedded;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster process's own {@code skiff.log}: appends, and once the file has reached its limit
 * after a write that ends a line, renames it to {@code skiff.log.1} (the older ones moving up, at
 * most {@code keep} kept) and goes on in a new, private file, so a long-running cluster's log stays
 * bounded (rotation at {@code skiff up} alone let a cluster that runs for weeks fill the disk).
 * Thread-safe; a failed rotation keeps writing to the current file.
 */
final class RotatingLog extends OutputStream {
  private final Path file;
  private final long maxBytes;
  private final int keep;
  private OutputStream out;
  private long size;

  private RotatingLog(Path file, long maxBytes, int keep) throws IOException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.keep = keep;
    open();
  }

  /** A print stream onto {@code file} that rotates it at {@code maxBytes}. */
  static PrintStream printStream(Path file, long maxBytes, int keep) throws IOException {
    return new PrintStream(new RotatingLog(file, maxBytes, keep), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    out.write(b);
    size++;
    rotateAfter(b == '\n');
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    size += len;
    rotateAfter(len > 0 && b[off + len - 1] == '\n');
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  private void rotateAfter(boolean endOfLine) {
    if (!endOfLine || size < maxBytes) {
      return;
    }
    try {
      out.close();
      PrivateFiles.rotate(file, keep);
    } catch (IOException e) {
      // keep logging somewhere: the file as it is
    }
    try {
      open();
    } catch (IOException e) {
      out = OutputStream.nullOutputStream();
    }
  }

  private void open() throws IOException {
    out = PrivateFiles.append(file);
    size = Files.size(file);
  }
}

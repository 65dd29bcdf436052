package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.logs.LogLines;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The time of the last entry of a log file (to resume copying after it). Blocking. */
final class LastLogTime {
  private LastLogTime() {}

  /** Null if the file does not exist or holds no entry. */
  static Instant of(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int tail = (int) Math.min(length, 64 * 1024);
      byte[] bytes = new byte[tail];
      raf.seek(length - tail);
      raf.readFully(bytes);
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        LogLines.Entry entry = LogLines.parse(lines[i]);
        if (entry != null) {
          return entry.time();
        }
      }
      return null;
    }
  }
}

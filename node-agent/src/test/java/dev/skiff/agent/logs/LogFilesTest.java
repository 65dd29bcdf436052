package dev.skiff.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.files.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, rotating and reading container logs in CRI format. */
class LogFilesTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final LogKey KEY = new LogKey("default", "web", "uid-1", "main", 0);

  @TempDir Path dir;

  @Test
  void writesCriFormatLines() throws Exception {
    LogStore store = new LogStore(dir, 1 << 20, 3);
    try (LogWriter w = store.open(KEY)) {
      w.write(T0, "stdout", bytes("hello"), false);
      w.write(T0.plusNanos(5), "stderr", bytes("par"), true);
    }
    assertThat(Files.readString(store.file(KEY)))
        .isEqualTo(
            "2026-01-01T00:00:00.000000000Z stdout F hello\n"
                + "2026-01-01T00:00:00.000000005Z stderr P par\n");
    assertThat(store.file(KEY).toString()).endsWith("default_web_uid-1/main/0.log");
  }

  @Test
  void rotatesAtTheSizeLimitKeepingMaxFiles() {
    LogStore store = new LogStore(dir, 200, 3);
    try (LogWriter w = store.open(KEY)) {
      for (int i = 0; i < 20; i++) {
        w.write(T0.plusSeconds(i), "stdout", bytes("line-" + i), false);
      }
    }
    assertThat(store.files(KEY)).hasSize(3);
    String all = read(store, LogQuery.all());
    assertThat(all).endsWith("line-19\n").doesNotContain("line-0\n");
    assertThat(all.lines()).isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
  }

  @Test
  void logFilesAndTheirDirectoriesAreTheOwnersOnlyAlsoAfterRotation() throws Exception {
    LogStore store = new LogStore(dir.resolve("logs"), 200, 3);
    try (LogWriter w = store.open(KEY)) {
      for (int i = 0; i < 20; i++) {
        w.write(T0.plusSeconds(i), "stdout", bytes("password-" + i), false);
      }
    }
    try (var walk = Files.walk(dir.resolve("logs"))) {
      // logs, the pod's and the container's directories, 0.log, 0.log.1, 0.log.2
      assertThat(walk.count()).isEqualTo(6);
    }
    assertThat(PrivateFiles.openToOthers(dir.resolve("logs"))).isEmpty();
  }

  @Test
  void tailSinceLimitAndTimestampsCombine() {
    LogStore store = new LogStore(dir, 1 << 20, 3);
    try (LogWriter w = store.open(KEY)) {
      for (int i = 0; i < 5; i++) {
        w.write(T0.plusSeconds(i), "stdout", bytes("l" + i), false);
      }
    }
    assertThat(read(store, LogQuery.all().withTailLines(2L))).isEqualTo("l3\nl4\n");
    assertThat(read(store, LogQuery.all().withTailLines(0L))).isEmpty();
    assertThat(read(store, LogQuery.all().withSince(T0.plusSeconds(3)))).isEqualTo("l3\nl4\n");
    assertThat(read(store, LogQuery.all().withLimitBytes(4L))).isEqualTo("l0\nl");
    assertThat(read(store, LogQuery.all().withTailLines(1L).withTimestamps(true)))
        .isEqualTo("2026-01-01T00:00:04.000000000Z l4\n");
  }

  @Test
  void partialEntriesJoinIntoOneLine() {
    LogStore store = new LogStore(dir, 1 << 20, 3);
    try (LogWriter w = store.open(KEY)) {
      w.write(T0, "stdout", bytes("a"), true);
      w.write(T0, "stdout", bytes("b"), false);
      w.write(T0, "stdout", bytes("c"), false);
    }
    assertThat(read(store, LogQuery.all())).isEqualTo("ab\nc\n");
    assertThat(read(store, LogQuery.all().withTailLines(2L))).isEqualTo("ab\nc\n");
  }

  @Test
  void aFollowerSeesNewLinesAcrossRotationAndStopsWhenTheWriterCloses() {
    LogStore store = new LogStore(dir, 120, 2);
    LogWriter w = store.open(KEY);
    w.write(T0, "stdout", bytes("first"), false);
    try (LogReader reader = new LogReader(store, KEY, LogQuery.all().withFollow(true))) {
      assertThat(text(reader.initial())).isEqualTo("first\n");
      assertThat(reader.finished()).isFalse();
      StringBuilder followed = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        w.write(T0.plusSeconds(i), "stdout", bytes("next-" + i), false);
        followed.append(text(reader.next()));
      }
      w.close();
      while (!reader.finished()) {
        followed.append(text(reader.next()));
      }
      assertThat(followed.toString()).contains("next-5\n");
      assertThat(followed.toString().lines().toList()).doesNotHaveDuplicates();
    }
  }

  @Test
  void splitterCutsLinesAndLongLines() {
    LogStore store = new LogStore(dir, 1 << 20, 3);
    try (LogWriter w = store.open(KEY)) {
      LineSplitter splitter = new LineSplitter(w, "stdout");
      byte[] input =
          ("one\ntw" + "o\n" + "x".repeat(LogWriter.MAX_LINE + 10) + "\nlast")
              .getBytes(StandardCharsets.UTF_8);
      splitter.accept(input, input.length);
      splitter.finish();
    }
    String out = read(store, LogQuery.all());
    assertThat(out.lines().toList())
        .containsExactly("one", "two", "x".repeat(LogWriter.MAX_LINE + 10), "last");
  }

  private static String read(LogStore store, LogQuery query) {
    try (LogReader reader = new LogReader(store, KEY, query)) {
      return text(reader.initial());
    }
  }

  private static int number(String line) {
    return Integer.parseInt(line.substring(line.indexOf('-') + 1));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}

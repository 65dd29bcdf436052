package dev.skiff.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.files.PrivateFiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running cluster's log rotates at its limit, on line boundaries, keeping private files. */
class RotatingLogTest {
  @TempDir Path dir;

  @Test
  void rotatesWhileWritingAndKeepsTheNewestFiles() throws Exception {
    Path log = dir.resolve("skiff.log");
    Files.writeString(log, "from an earlier start\n");
    try (PrintStream out = RotatingLog.printStream(log, 10_000, 3)) {
      for (int i = 0; i < 2_000; i++) {
        out.println("line " + i + " " + "x".repeat(40));
      }
    }
    assertThat(Files.size(log)).isLessThan(10_000);
    List<String> kept = new ArrayList<>();
    for (int i = 3; i >= 1; i--) {
      Path old = PrivateFiles.rotated(log, i);
      assertThat(old).exists();
      assertThat(Files.size(old)).isBetween(10_000L, 10_100L);
      kept.addAll(Files.readAllLines(old));
    }
    kept.addAll(Files.readAllLines(log));
    assertThat(PrivateFiles.rotated(log, 4)).doesNotExist();
    // whole lines only, the newest ones, in order
    assertThat(kept).allMatch(l -> l.matches("line \\d+ x{40}"));
    assertThat(kept.get(kept.size() - 1)).startsWith("line 1999 ");
    for (int i = 1; i < kept.size(); i++) {
      int previous = Integer.parseInt(kept.get(i - 1).split(" ")[1]);
      assertThat(Integer.parseInt(kept.get(i).split(" ")[1])).isEqualTo(previous + 1);
    }
    assertThat(PrivateFiles.openToOthers(dir)).isEmpty();
  }
}

package dev.skiff.agent.pod.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
  @TempDir Path dir;

  private static FileContent text(String s, int mode) {
    return new FileContent(s.getBytes(StandardCharsets.UTF_8), mode);
  }

  @Test
  void writesFilesBehindDataSymlinksWithTheirModes() throws Exception {
    boolean changed =
        AtomicWriter.write(
            dir, Map.of("greeting", text("hello", 0644), "nested/key", text("v", 0400)));

    assertThat(changed).isTrue();
    assertThat(Files.isSymbolicLink(dir.resolve("..data"))).isTrue();
    assertThat(Files.readSymbolicLink(dir.resolve("greeting")))
        .isEqualTo(Path.of("..data/greeting"));
    assertThat(Files.readString(dir.resolve("greeting"))).isEqualTo("hello");
    assertThat(Files.readString(dir.resolve("nested/key"))).isEqualTo("v");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("nested/key"))))
        .isEqualTo("r--------");
  }

  @Test
  void anUpdateSwapsDataAtOnceDropsStaleNamesAndTheOldDirectory() throws Exception {
    AtomicWriter.write(dir, Map.of("a", text("1", 0644), "b", text("1", 0644)));
    Path first = dir.resolve(Files.readSymbolicLink(dir.resolve("..data")));

    assertThat(AtomicWriter.write(dir, Map.of("a", text("1", 0644), "b", text("1", 0644))))
        .isFalse();
    assertThat(AtomicWriter.write(dir, Map.of("a", text("2", 0644)))).isTrue();

    assertThat(Files.readString(dir.resolve("a"))).isEqualTo("2");
    assertThat(dir.resolve("b")).doesNotExist();
    assertThat(Files.exists(dir.resolve("b"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(first).doesNotExist();
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("..20")))
          .hasSize(1);
    }
  }
}

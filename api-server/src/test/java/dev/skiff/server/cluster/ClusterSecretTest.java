package dev.skiff.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {
  @TempDir Path dir;

  @Test
  void aClusterKeepsOneRandomNameInAPrivateFile() throws IOException {
    Path data = dir.resolve("data");

    String name = ClusterSecret.of(data);

    assertThat(name).matches("skiff-[0-9a-f]{32}");
    assertThat(ClusterSecret.of(data)).isEqualTo(name);
    assertThat(ClusterSecret.of(dir.resolve("other"))).isNotEqualTo(name);
    assertThat(PrivateFiles.openToOthers(data)).isEmpty();
  }
}

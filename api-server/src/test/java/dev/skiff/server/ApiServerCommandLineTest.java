package dev.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiServerCommandLineTest {
  @Test
  void aDataDirPersistsTheStoreOfAReplicaThatIsAlone() {
    ApiServerCommandLine line = ApiServerCommandLine.parse("--data-dir", "/var/lib/skiff");

    assertThat(line.dataDir()).isEqualTo(Path.of("/var/lib/skiff"));
    assertThat(line.cluster().dataDir()).isEqualTo(Path.of("/var/lib/skiff"));
  }

  @Test
  void aMemberListNamingOnlyThisReplicaStillPersists() {
    ApiServerCommandLine line =
        ApiServerCommandLine.parse(
            "--data-dir", "/d", "--hz-port", "5801", "--hz-members", "127.0.0.1:5801");

    assertThat(line.cluster().dataDir()).isEqualTo(Path.of("/d"));
  }

  @Test
  void aReplicaOfALargerClusterKeepsItsStoreInMemory() {
    ApiServerCommandLine line =
        ApiServerCommandLine.parse(
            "--data-dir", "/d", "--hz-members", "127.0.0.1:5701,127.0.0.1:5702");

    assertThat(line.dataDir()).isEqualTo(Path.of("/d"));
    assertThat(line.cluster().dataDir()).isNull();
  }

  @Test
  void withoutADataDirTheStoreIsInMemory() {
    assertThat(ApiServerCommandLine.parse().cluster().dataDir()).isNull();
  }
}

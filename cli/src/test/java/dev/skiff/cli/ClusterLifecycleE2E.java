package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one {@code skiff up} leaves for the next: the pid file (which may outlive its process), the
 * log, the API server's port.
 */
class ClusterLifecycleE2E {
  @TempDir Path home;
  SkiffProcess cli;
  Path dir;
  Process unrelated;

  @BeforeEach
  void setUp() throws IOException {
    cli = new SkiffProcess(home);
    dir = Files.createDirectories(home.resolve("clusters").resolve("life"));
  }

  @AfterEach
  void tearDown() throws Exception {
    cli.skiff("down", "--name", "life");
    if (unrelated != null) {
      unrelated.destroyForcibly();
    }
  }

  @Test
  void aStalePidFileNamingAnUnrelatedProcessNeitherRunsNorStopsIt() throws Exception {
    unrelated = new ProcessBuilder("sleep", "300").start();
    long pid = unrelated.pid();
    writeReadyFile();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long earlier = unrelated.toHandle().info().startInstant().orElseThrow().toEpochMilli() - 60_000;

    // as versions before the start time was recorded wrote it, then as a dead cluster's record
    for (String pidFile : new String[] {pid + "\n", pid + " " + earlier + " " + java + "\n"}) {
      Files.writeString(dir.resolve("pid"), pidFile);

      ProcessResult status = cli.skiff("status", "--name", "life");
      assertThat(status.stdout()).as(pidFile).contains("not running");
      ProcessResult down = cli.skiff("down", "--name", "life");
      assertThat(down.exitCode()).as(down.all()).isZero();
      assertThat(down.stdout()).contains("is not running");
      assertThat(unrelated.isAlive()).as("the unrelated process after down").isTrue();
      assertThat(dir.resolve("pid")).as("the stale pid file is removed").doesNotExist();
    }
  }

  @Test
  void aZombieIsNotARunningCluster() throws Exception {
    unrelated = ClusterProcessTest.parentOfAZombie();
    ProcessHandle zombie = ClusterProcessTest.zombieChild(unrelated);
    writeReadyFile();
    Files.writeString(dir.resolve("pid"), zombie.pid() + "\n");

    ProcessResult status = cli.skiff("status", "--name", "life");

    assertThat(status.exitCode()).as(status.all()).isEqualTo(3);
    assertThat(status.stdout()).contains("not running");
  }

  @Test
  void aLargeLogIsRotatedAtTheNextUpKeepingThreeOldOnes() throws Exception {
    Path log = dir.resolve("skiff.log");
    Files.writeString(log, "previous run\n" + "x".repeat((int) ClusterHome.LOG_ROTATE_BYTES));
    for (int i = 1; i <= 3; i++) {
      Files.writeString(dir.resolve("skiff.log." + i), "rotated " + i + "\n");
    }

    ProcessResult up = cli.skiff("up", "--name", "life");

    assertThat(up.exitCode()).as(up.all()).isZero();
    assertThat(Files.readString(dir.resolve("skiff.log.1"))).startsWith("previous run\n");
    assertThat(dir.resolve("skiff.log.2")).hasContent("rotated 1");
    assertThat(dir.resolve("skiff.log.3")).hasContent("rotated 2");
    assertThat(dir.resolve("skiff.log.4")).doesNotExist();
    assertThat(Files.size(log)).isLessThan(ClusterHome.LOG_ROTATE_BYTES / 10);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-------");
  }

  @Test
  void theApiServerKeepsItsPortAcrossDownAndUpUnlessAnotherProgramTookIt() throws Exception {
    int first = upAndPort();
    assertThat(cli.skiff("down", "--name", "life").exitCode()).isZero();
    assertThat(upAndPort()).as("the port after down and up").isEqualTo(first);
    assertThat(cli.skiff("down", "--name", "life").exitCode()).isZero();

    int moved;
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), first));
      ProcessResult up = cli.skiff("up", "--name", "life");
      assertThat(up.exitCode()).as(up.all()).isZero();
      moved = port();
      assertThat(moved).isNotEqualTo(first);
      assertThat(up.stdout())
          .contains("port " + first + " is taken by another program")
          .contains("now listens on " + moved);
      Path kubeconfig = dir.resolve("kubeconfig");
      ProcessResult ns = cli.kubectl(kubeconfig, "get", "ns", "default");
      assertThat(ns.exitCode()).as(ns.all()).isZero();
    }
    assertThat(Files.readString(dir.resolve("api-port")).strip())
        .as("the new port is the one kept")
        .isEqualTo(Integer.toString(moved));
  }

  private int upAndPort() throws Exception {
    ProcessResult up = cli.skiff("up", "--name", "life");
    assertThat(up.exitCode()).as(up.all()).isZero();
    return port();
  }

  /** The port of the API server in the cluster's kubeconfig. */
  private int port() throws Exception {
    String server =
        cli.kubectl(
                dir.resolve("kubeconfig"),
                "config",
                "view",
                "-o",
                "jsonpath={.clusters[0].cluster.server}")
            .stdout()
            .strip();
    return URI.create(server).getPort();
  }

  /** A ready file as a started cluster writes it. */
  private void writeReadyFile() throws IOException {
    Files.writeString(
        dir.resolve("ready"),
        "{\"server\":\"https://127.0.0.1:1\",\"kubeconfig\":\""
            + dir.resolve("kubeconfig")
            + "\",\"nodes\":[],\"steps\":[]}");
  }
}

package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.cli.embedded.EmbeddedClusterMain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pid file names the cluster's process only while that very process lives. */
class ClusterProcessTest {
  private Process started;

  @AfterEach
  void stop() {
    if (started != null) {
      started.destroyForcibly();
    }
  }

  @Test
  void findsTheLiveProcessItRecorded() throws Exception {
    ProcessHandle sleeper = start("sleep", "60");
    ClusterProcess record = ClusterProcess.of(sleeper);

    assertThat(ClusterProcess.parse(record.line())).contains(record);
    assertThat(record.find()).contains(sleeper);
  }

  @Test
  void aPidNowHeldByAnotherProcessIsNotTheCluster() throws Exception {
    ProcessHandle unrelated = start("sleep", "60");
    ClusterProcess earlier =
        new ClusterProcess(
            unrelated.pid(),
            ClusterProcess.of(unrelated).startMillis() - 60_000,
            ClusterProcess.of(unrelated).command());
    ClusterProcess otherProgram =
        new ClusterProcess(
            unrelated.pid(), ClusterProcess.of(unrelated).startMillis(), "/usr/bin/java");

    assertThat(earlier.find()).isEmpty();
    assertThat(otherProgram.find()).isEmpty();
  }

  @Test
  void aZombieIsNotRunning() throws Exception {
    started = parentOfAZombie();
    ProcessHandle zombie = zombieChild(started);
    ClusterProcess record =
        new ClusterProcess(
            zombie.pid(),
            zombie.info().startInstant().orElseThrow().toEpochMilli(),
            zombie.info().command().orElse(""));

    assertThat(zombie.isAlive()).as("the JDK still calls a zombie alive").isTrue();
    assertThat(record.find()).isEmpty();
  }

  /**
   * A process with a child that has exited and that it never reaps (like a killed cluster JVM whose
   * parent has not waited for it yet).
   */
  static Process parentOfAZombie() throws IOException {
    return new ProcessBuilder("/bin/sh", "-c", "/bin/true & exec sleep 300").start();
  }

  static ProcessHandle zombieChild(Process parent) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> parent.children().filter(c -> ClusterProcess.isZombie(c.pid())).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void aBarePidOfAnOlderVersionNamesTheClusterOnlyIfItRunsThisClusterDirectory() throws Exception {
    Path dir = Path.of("/home/u/.skiff/clusters/old");
    ProcessHandle old =
        start(
            "/bin/sh",
            "-c",
            "sleep 60; true",
            "java",
            EmbeddedClusterMain.class.getName(),
            "--dir",
            dir.toString(),
            "--nodes",
            "1");

    assertThat(ClusterProcess.findUnrecorded(old.pid() + "\n", dir)).contains(old);
    assertThat(ClusterProcess.findUnrecorded(old.pid() + "\n", dir.resolveSibling("other")))
        .isEmpty();
    assertThat(ClusterProcess.findUnrecorded("not a pid", dir)).isEmpty();
  }

  @Test
  void anythingButARecordIsNoRecord() {
    assertThat(ClusterProcess.parse("12345")).as("a bare pid of older versions").isEmpty();
    assertThat(ClusterProcess.parse("x y z")).isEmpty();
    assertThat(ClusterProcess.parse("")).isEmpty();
  }

  private ProcessHandle start(String... command) throws Exception {
    started = new ProcessBuilder(command).start();
    return started.toHandle();
  }
}

package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.testing.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl exec and cp ({@link KubectlExecContract}), attach ({@code run -i --rm}) and {@code logs
 * -f} against pods on the Docker runtime ({@code skiff up --runtime docker}, images built locally):
 * the node agent runs them through the engine's exec and attach APIs on hijacked streams. One
 * cluster for the class.
 */
class KubectlDockerExecE2E extends KubectlExecContract {
  private static final String NAME = "dexec" + ProcessHandle.current().pid() % 10000;

  @TempDir static Path home;
  static SleeperCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    DockerClusterE2E.localImages();
    cluster = SleeperCluster.up(home, NAME, "skiff/busybox:1", "--runtime", "docker");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.down();
    }
  }

  @Override
  SleeperCluster cluster() {
    return cluster;
  }

  @Test
  void runAttachesToTheContainersStdinAndOutput() throws Exception {
    ProcessResult r =
        shell(
            "echo hello | kubectl run reader -i --rm --restart=Never --image=skiff/busybox:1"
                + " --pod-running-timeout=60s -- sh -c 'read line; echo got $line'");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.stdout()).as(r.all()).contains("got hello");
  }

  @Test
  void logsFollowsUntilTheContainerEnds() throws Exception {
    ProcessResult run =
        kubectl(
            "run",
            "counter",
            "--restart=Never",
            "--image=skiff/busybox:1",
            "--",
            "sh",
            "-c",
            "echo line 1; sleep 3; echo line 2; sleep 3; echo line 3");
    assertThat(run.exitCode()).as(run.all()).isZero();
    // follow from the first line on, while the others are still to come
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> kubectl("logs", "counter").stdout().startsWith("line 1"));
    ProcessResult logs = kubectl("logs", "-f", "counter");
    assertThat(logs.exitCode()).as(logs.all()).isZero();
    assertThat(logs.stdout()).isEqualTo("line 1\nline 2\nline 3\n");
  }
}

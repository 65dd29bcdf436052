package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import java.nio.file.Path;
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
  static SkiffProcess cli;
  static Path kubeconfig;

  @BeforeAll
  static void startCluster() throws Exception {
    DockerClusterE2E.localImages();
    cli = new SkiffProcess(home);
    ProcessResult up = cli.skiff("up", "--name", NAME, "--runtime", "docker");
    assertThat(up.exitCode()).as(up.all()).isZero();
    kubeconfig = home.resolve("clusters").resolve(NAME).resolve("kubeconfig");
    ProcessResult run =
        cli.kubectl(
            kubeconfig,
            "run",
            "sleeper",
            "--image=skiff/busybox:1",
            "--command",
            "--",
            "sleep",
            "3600");
    assertThat(run.exitCode()).as(run.all()).isZero();
    ProcessResult ready =
        cli.kubectl(kubeconfig, "wait", "--for=condition=Ready", "pod/sleeper", "--timeout=60s");
    assertThat(ready.exitCode()).as(ready.all()).isZero();
  }

  @Override
  SkiffProcess cli() {
    return cli;
  }

  @Override
  Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  Path scratch() {
    return home;
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cli != null) {
      cli.skiff("down", "--name", NAME, "--purge");
    }
  }

  @Test
  void runAttachesToTheContainersStdinAndOutput() throws Exception {
    ProcessResult r =
        shell(
            "echo hello | kubectl run reader -i --rm --restart=Never --image=skiff/busybox:1"
                + " --pod-running-timeout=60s -- sh -c 'read line; echo got $line'");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.stdout()).contains("got hello");
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
            "sleep 2; for i in 1 2 3; do echo line $i; sleep 1; done");
    assertThat(run.exitCode()).as(run.all()).isZero();
    ProcessResult logs = kubectl("logs", "-f", "counter", "--pod-running-timeout=60s");
    assertThat(logs.exitCode()).as(logs.all()).isZero();
    assertThat(logs.stdout()).isEqualTo("line 1\nline 2\nline 3\n");
  }
}

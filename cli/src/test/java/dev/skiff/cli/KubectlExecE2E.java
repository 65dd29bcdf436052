package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl exec against a {@code skiff up} cluster (process runtime), as a user runs it: the API
 * server relays to the node agent, which runs the command next to the container. Also: the node
 * agent's port answers only the API server.
 */
class KubectlExecE2E {
  @TempDir static Path home;
  static SkiffProcess cli;
  static Path kubeconfig;
  static String cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cli = new SkiffProcess(home);
    cluster = "exec" + ProcessHandle.current().pid() % 10000;
    ProcessResult up = cli.skiff("up", "--name", cluster);
    assertThat(up.exitCode()).as(up.all()).isZero();
    kubeconfig = home.resolve("clusters").resolve(cluster).resolve("kubeconfig");
    ProcessResult run =
        kubectl("run", "sleeper", "--image=busybox", "--command", "--", "sleep", "3600");
    assertThat(run.exitCode()).as(run.all()).isZero();
    ProcessResult ready = kubectl("wait", "--for=condition=Ready", "pod/sleeper", "--timeout=60s");
    assertThat(ready.exitCode()).as(ready.all()).isZero();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cli != null) {
      cli.skiff("down", "--name", cluster, "--purge");
    }
  }

  @Test
  void execPrintsTheCommandsStdoutAndStderr() throws Exception {
    ProcessResult r =
        kubectl("exec", "sleeper", "--", "sh", "-c", "echo out; echo err >&2; echo $HOSTNAME");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.stdout()).isEqualTo("out\nsleeper\n");
    assertThat(r.stderr()).isEqualTo("err\n");
  }

  @Test
  void kubectlExitsWithTheCommandsExitCode() throws Exception {
    ProcessResult r = kubectl("exec", "sleeper", "--", "sh", "-c", "exit 3");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(3);
    assertThat(r.stderr()).contains("command terminated with exit code 3");
  }

  @Test
  void stdinIsPipedToTheCommandAndItsEndReachesIt() throws Exception {
    ProcessResult r = shell("printf 'hi\\nthere\\n' | kubectl exec -i sleeper -- wc -l");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.stdout().trim()).isEqualTo("2");
  }

  @Test
  void ttyGivesTheCommandATerminalOfTheClientsSize() throws Exception {
    ProcessResult r =
        shell(
            "script -qec \"stty cols 91 rows 27; kubectl exec -it sleeper -- sh -c 'tty; sleep 1;"
                + " stty size; exit 4'\" /dev/null");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
    assertThat(r.stdout()).contains("/dev/pts/").contains("27 91");
  }

  @Test
  void errorsAreKubernetesOwn() throws Exception {
    ProcessResult noContainer = kubectl("exec", "sleeper", "-c", "nope", "--", "true");
    ProcessResult noPod = kubectl("exec", "nopod", "--", "true");
    ProcessResult noCommand = kubectl("exec", "sleeper", "--", "no-such-command");
    assertThat(noContainer.exitCode()).isNotZero();
    assertThat(noContainer.stderr()).contains("container nope is not valid for pod sleeper");
    assertThat(noPod.exitCode()).isNotZero();
    assertThat(noPod.stderr()).contains("pods \"nopod\" not found");
    assertThat(noCommand.exitCode()).isNotZero();
    assertThat(noCommand.stderr()).contains("executable file not found");
  }

  @Test
  void theNodeAgentRefusesAnyoneButTheApiServer() throws Exception {
    String node =
        kubectl("get", "node", "-o", "jsonpath={.items[0].status.addresses[0].address}").stdout();
    String agent = "https://" + node + ":10250";
    String admin =
        Files.readString(home.resolve("clusters").resolve(cluster).resolve("data/token")).strip();
    for (String path :
        new String[] {
          "/exec/default/sleeper/sleeper?command=id&stdout=true",
          "/containerLogs/default/sleeper/sleeper",
          "/portForward/default/sleeper"
        }) {
      assertThat(curlStatus(agent + path)).as(path).isEqualTo("401");
      assertThat(curlStatus(agent + path, "-H", "Authorization: Bearer wrong")).isEqualTo("401");
      assertThat(curlStatus(agent + path, "-H", "Authorization: Bearer " + admin)).isEqualTo("401");
    }
    // plain HTTP is not served on the agent's port; health stays on the read-only port
    assertThat(curlStatus("http://" + node + ":10250/healthz")).isNotEqualTo("200");
    assertThat(curlStatus("http://" + node + ":10255/healthz")).isEqualTo("200");
    assertThat(curlStatus("http://" + node + ":10255/exec/default/sleeper/sleeper"))
        .isEqualTo("404");
    Path tokenFile = home.resolve("clusters").resolve(cluster).resolve("data/agent-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
        .isEqualTo("rw-------");
  }

  private static String curlStatus(String url, String... extra) throws Exception {
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of("curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-m", "5"));
    cmd.addAll(java.util.List.of(extra));
    cmd.add(url);
    return cli.command(cmd.toArray(String[]::new)).stdout();
  }

  static ProcessResult kubectl(String... args) throws Exception {
    return cli.kubectl(kubeconfig, args);
  }

  /** A shell pipeline with KUBECONFIG set (for stdin and a terminal). */
  static ProcessResult shell(String script) throws Exception {
    return cli.command("sh", "-c", "export KUBECONFIG=" + kubeconfig + "; " + script);
  }
}

package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What kubectl exec and cp do on every runtime, against a pod {@code sleeper} (busybox, {@code
 * sleep}) that the subclass's cluster runs: stdout and stderr apart, the exit code, stdin and its
 * end, a terminal of the client's size, a directory copied both ways.
 */
abstract class KubectlExecContract {

  /**
   * A {@code skiff up} cluster of one test class with the pod {@code sleeper} running and Ready.
   *
   * @param home the class's SKIFF_HOME and scratch directory
   */
  record SleeperCluster(SkiffProcess cli, Path home, String name, Path kubeconfig) {

    /** {@code skiff up --name NAME upArgs...}, then {@code sleeper} from {@code image}. */
    static SleeperCluster up(Path home, String name, String image, String... upArgs)
        throws Exception {
      SkiffProcess cli = new SkiffProcess(home);
      List<String> args = new ArrayList<>(List.of("up", "--name", name));
      args.addAll(List.of(upArgs));
      ProcessResult up = cli.skiff(args.toArray(String[]::new));
      assertThat(up.exitCode()).as(up.all()).isZero();
      SleeperCluster cluster =
          new SleeperCluster(
              cli, home, name, home.resolve("clusters").resolve(name).resolve("kubeconfig"));
      ProcessResult run =
          cluster.kubectl("run", "sleeper", "--image=" + image, "--command", "--", "sleep", "3600");
      assertThat(run.exitCode()).as(run.all()).isZero();
      ProcessResult ready =
          cluster.kubectl("wait", "--for=condition=Ready", "pod/sleeper", "--timeout=60s");
      assertThat(ready.exitCode()).as(ready.all()).isZero();
      return cluster;
    }

    /** A file of the cluster's directory, e.g. {@code data/token}. */
    Path file(String relative) {
      return home.resolve("clusters").resolve(name).resolve(relative);
    }

    ProcessResult kubectl(String... args) throws Exception {
      return cli.kubectl(kubeconfig, args);
    }

    void down() throws Exception {
      cli.skiff("down", "--name", name, "--purge");
    }
  }

  /** The class's cluster (started in its {@code @BeforeAll}). */
  abstract SleeperCluster cluster();

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
    assertTerminalOfTheClientsSize("", 91, 27, 4);
  }

  /**
   * {@code kubectl exec -it} (after {@code env}, e.g. a variable setting) in a pseudo-terminal of
   * {@code cols} x {@code rows}: the command sees a terminal of that size and its exit code comes
   * back.
   */
  void assertTerminalOfTheClientsSize(String env, int cols, int rows, int exit) throws Exception {
    ProcessResult r =
        shell(
            "script -qec \"stty cols "
                + cols
                + " rows "
                + rows
                + "; "
                + env
                + "kubectl exec -it sleeper -- sh -c 'tty; sleep 1; stty size; exit "
                + exit
                + "'\" /dev/null");
    assertThat(r.exitCode()).as(r.all()).isEqualTo(exit);
    assertThat(r.stdout()).contains("/dev/pts/").contains(rows + " " + cols);
  }

  @Test
  void cpCopiesADirectoryIntoThePodAndBack() throws Exception {
    Path src = cluster().home().resolve("cp-src");
    Files.createDirectories(src.resolve("sub"));
    Files.writeString(src.resolve("a.txt"), "one\n");
    Files.writeString(src.resolve("sub/b.txt"), "two\n");
    String inPod =
        "/tmp/skiff-cp-" + ProcessHandle.current().pid() + "-" + getClass().getSimpleName();
    kubectl("exec", "sleeper", "--", "mkdir", "-p", "/tmp"); // a busybox image has no /tmp
    ProcessResult to = kubectl("cp", src.toString(), "sleeper:" + inPod);
    assertThat(to.exitCode()).as(to.all()).isZero();
    assertThat(kubectl("exec", "sleeper", "--", "cat", inPod + "/sub/b.txt").stdout())
        .isEqualTo("two\n");
    Path back = cluster().home().resolve("cp-back");
    ProcessResult from = kubectl("cp", "sleeper:" + inPod, back.toString());
    assertThat(from.exitCode()).as(from.all()).isZero();
    assertThat(Files.readString(back.resolve("a.txt"))).isEqualTo("one\n");
    assertThat(Files.readString(back.resolve("sub/b.txt"))).isEqualTo("two\n");
    kubectl("exec", "sleeper", "--", "rm", "-rf", inPod);
  }

  ProcessResult kubectl(String... args) throws Exception {
    return cluster().kubectl(args);
  }

  /** A shell pipeline with KUBECONFIG set (for stdin and a terminal). */
  ProcessResult shell(String script) throws Exception {
    return cluster()
        .cli()
        .command("sh", "-c", "export KUBECONFIG=" + cluster().kubeconfig() + "; " + script);
  }
}

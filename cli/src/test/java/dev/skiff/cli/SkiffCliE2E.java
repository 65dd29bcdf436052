package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built CLI, run as a separate process: the cluster lifecycle a user goes through. */
class SkiffCliE2E {
  @TempDir Path home;
  SkiffProcess cli;

  @BeforeEach
  void setUp() {
    cli = new SkiffProcess(home);
  }

  @AfterEach
  void tearDown() throws Exception {
    cli.skiff("down", "--name", "e2e");
    cli.skiff("down", "--name", "e2e-b");
  }

  @Test
  void upServesKubectlAndDownLeavesNothingRunning() throws Exception {
    ProcessResult up = cli.skiff("up", "--name", "e2e");
    assertThat(up.exitCode()).as(up.all()).isZero();
    assertThat(up.stdout()).contains("is ready", "kubeconfig:", "kubectl get nodes");

    ProcessResult path = cli.skiff("kubeconfig", "--name", "e2e");
    assertThat(path.exitCode()).isZero();
    Path kubeconfig = Path.of(path.stdout().strip());
    ProcessResult context = cli.kubectl(kubeconfig, "config", "current-context");
    assertThat(context.stdout().strip()).as("named like kind-NAME").isEqualTo("skiff-e2e");
    ProcessResult namespaces = cli.kubectl(kubeconfig, "get", "namespaces");
    assertThat(namespaces.exitCode()).as(namespaces.all()).isZero();
    assertThat(namespaces.stdout()).contains("default", "kube-system", "kube-node-lease");

    ProcessResult merge = cli.skiff("kubeconfig", "--name", "e2e", "--merge");
    assertThat(merge.exitCode()).as(merge.all()).isZero();
    Path merged = home.resolve(".kube").resolve("config");
    ProcessResult viaContext =
        cli.kubectl(merged, "--context", "skiff-e2e", "get", "namespace", "kube-system");
    assertThat(viaContext.exitCode()).as(viaContext.all()).isZero();

    // a pod: a process of this machine, which down must stop too
    ProcessResult run =
        cli.kubectl(
            kubeconfig, "run", "sleeper", "--image=busybox", "--command", "--", "sleep", "3600");
    assertThat(run.exitCode()).as(run.all()).isZero();
    ProcessResult ready =
        cli.kubectl(kubeconfig, "wait", "--for=condition=Ready", "pod/sleeper", "--timeout=60s");
    assertThat(ready.exitCode()).as(ready.all()).isZero();
    long pid = pid("e2e").orElseThrow();
    List<ProcessHandle> pods =
        ProcessHandle.of(pid)
            .orElseThrow()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("sleep 3600"))
            .toList();
    assertThat(pods).isNotEmpty();

    ProcessResult down = cli.skiff("down", "--name", "e2e");
    assertThat(down.exitCode()).as(down.all()).isZero();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(pods).as("pod processes after down").noneMatch(ProcessHandle::isAlive);
    ProcessResult after = cli.kubectl(kubeconfig, "get", "namespaces", "--request-timeout=3s");
    assertThat(after.exitCode()).isNotZero();
    ProcessResult status = cli.skiff("status", "--name", "e2e");
    assertThat(status.stdout()).contains("not running");
  }

  @Test
  void upTwiceSaysSoAndExitsZero() throws Exception {
    assertThat(cli.skiff("up", "--name", "e2e").exitCode()).isZero();
    ProcessResult again = cli.skiff("up", "--name", "e2e");
    assertThat(again.exitCode()).isZero();
    assertThat(again.stdout()).contains("already running");
  }

  @Test
  void twoClustersRunSideBySide() throws Exception {
    assertThat(cli.skiff("up", "--name", "e2e").exitCode()).isZero();
    assertThat(cli.skiff("up", "--name", "e2e-b").exitCode()).isZero();
    for (String name : List.of("e2e", "e2e-b")) {
      Path kubeconfig = home.resolve("clusters").resolve(name).resolve("kubeconfig");
      assertThat(cli.kubectl(kubeconfig, "get", "ns", "default").exitCode()).isZero();
    }
  }

  @Test
  void aClusterThatIsNotReadyInTimeFailsClearlyAndLeavesNothingRunning() throws Exception {
    ProcessResult up = cli.skiff("up", "--name", "e2e", "--timeout", "0");
    assertThat(up.exitCode()).isNotZero();
    assertThat(up.stderr()).contains("did not become ready within 0 s");
    assertThat(pid("e2e")).isEmpty();
    assertThat(cli.skiff("status", "--name", "e2e").stdout()).contains("not running");
  }

  @Test
  void badArgumentsAreRefusedWithAClearMessage() throws Exception {
    ProcessResult up = cli.skiff("up", "--name", "e2e", "--runtime", "vm");
    assertThat(up.exitCode()).isEqualTo(2);
    assertThat(up.stderr()).contains("--runtime must be process or docker");
  }

  @Test
  void downPurgeDeletesTheClusterDirectory() throws Exception {
    assertThat(cli.skiff("up", "--name", "e2e").exitCode()).isZero();
    Path dir = home.resolve("clusters").resolve("e2e");
    assertThat(dir).exists();
    assertThat(cli.skiff("down", "--name", "e2e", "--purge").exitCode()).isZero();
    assertThat(Files.exists(dir)).isFalse();
  }

  @Test
  void objectsSurviveDownAndUpAndDownPurgeForgetsThem() throws Exception {
    ProcessResult up = cli.skiff("up", "--name", "e2e");
    assertThat(up.exitCode()).as(up.all()).isZero();
    Path kubeconfig = home.resolve("clusters").resolve("e2e").resolve("kubeconfig");
    Path service = home.resolve("service.yaml");
    Files.writeString(
        service,
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: kept
        spec:
          selector:
            app: kept
          ports:
          - port: 80
        """);
    ProcessResult created = cli.kubectl(kubeconfig, "create", "-f", service.toString());
    assertThat(created.exitCode()).as(created.all()).isZero();
    String uidAndVersion = "jsonpath={.metadata.uid} {.metadata.resourceVersion}";
    ProcessResult before = cli.kubectl(kubeconfig, "get", "service", "kept", "-o", uidAndVersion);
    assertThat(before.exitCode()).as(before.all()).isZero();
    String uid = before.stdout().strip().split(" ")[0];
    long version = Long.parseLong(before.stdout().strip().split(" ")[1]);

    assertThat(cli.skiff("down", "--name", "e2e").exitCode()).isZero();
    ProcessResult again = cli.skiff("up", "--name", "e2e");
    assertThat(again.exitCode()).as(again.all()).isZero();

    ProcessResult after = cli.kubectl(kubeconfig, "get", "service", "kept", "-o", uidAndVersion);
    assertThat(after.exitCode()).as(after.all()).isZero();
    assertThat(after.stdout().strip().split(" ")[0]).isEqualTo(uid);
    ProcessResult annotated =
        cli.kubectl(
            kubeconfig,
            "annotate",
            "service",
            "kept",
            "after=up",
            "-o",
            "jsonpath=" + uidAndVersion);
    assertThat(annotated.exitCode()).as(annotated.all()).isZero();
    assertThat(Long.parseLong(annotated.stdout().strip().split(" ")[1])).isGreaterThan(version);
    assertThat(cli.skiff("down", "--name", "e2e", "--purge").exitCode()).isZero();
    ProcessResult fresh = cli.skiff("up", "--name", "e2e");
    assertThat(fresh.exitCode()).as(fresh.all()).isZero();
    ProcessResult gone = cli.kubectl(kubeconfig, "get", "service", "kept");
    assertThat(gone.exitCode()).isNotZero();
    assertThat(gone.stderr()).contains("NotFound");
  }

  private Optional<Long> pid(String name) {
    return new ClusterHome(name, home.resolve("clusters").resolve(name))
        .runningProcess()
        .map(ProcessHandle::pid);
  }
}

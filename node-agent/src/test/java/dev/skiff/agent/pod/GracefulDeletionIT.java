package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deletion: SIGTERM, the grace period, SIGKILL, then the pod object is removed. */
class GracefulDeletionIT {
  @RegisterExtension static final AgentFixture cluster = new AgentFixture(14);

  @Test
  void aPodThatHandlesSigtermIsGoneBeforeItsGracePeriod() {
    Pod pod =
        Pods.shell(
            "polite",
            cluster.node().name(),
            "trap 'echo bye; exit 0' TERM; while true; do sleep 0.1; done");
    pod.spec().terminationGracePeriodSeconds = 20L;
    long pid = runningPid(pod);

    long started = System.nanoTime();
    delete("polite");

    await().atMost(Duration.ofSeconds(10)).until(() -> gone("polite"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void aPodThatIgnoresSigtermIsKilledAfterItsGracePeriod() {
    Pod pod =
        Pods.shell(
            "stubborn", cluster.node().name(), "trap '' TERM; while true; do sleep 0.1; done");
    pod.spec().terminationGracePeriodSeconds = 2L;
    long pid = runningPid(pod);

    long started = System.nanoTime();
    delete("stubborn");

    await().atMost(Duration.ofSeconds(10)).until(() -> gone("stubborn"));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  /**
   * As in a container, SIGTERM goes to the main process alone: a shell that traps it can drain
   * while its child still serves, and once the shell exits the child is killed with the rest of its
   * process group.
   */
  @Test
  void onlyTheMainProcessGetsSigtermAndItsChildrenDieWhenItExits() throws Exception {
    Path report = Files.createTempFile("skiff-graceful", ".txt");
    Pod pod =
        Pods.shell(
            "draining",
            cluster.node().name(),
            "sleep 1000 & child=$!; echo $child > "
                + report
                + "; trap 'kill -0 $child && echo child-alive-at-term >> "
                + report
                + "; exit 0' TERM; while true; do sleep 0.1; done");
    pod.spec().terminationGracePeriodSeconds = 20L;
    runningPid(pod);
    long child = Long.parseLong(Files.readAllLines(report).get(0).trim());

    delete("draining");

    await().atMost(Duration.ofSeconds(10)).until(() -> gone("draining"));
    assertThat(Files.readAllLines(report)).contains("child-alive-at-term");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
    Files.deleteIfExists(report);
  }

  /** Starts the pod, which logs its shell's pid ($$$$ is $$ after $(VAR) expansion); answers it. */
  private static long runningPid(Pod pod) {
    pod.spec().containers.get(0).command =
        java.util.List.of("sh", "-c", "echo $$$$; " + pod.spec().containers.get(0).command.get(2));
    cluster.pods().create(pod);
    String name = pod.meta().name;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.pods().ready(name) && !cluster.pods().logs(name, Map.of()).isEmpty());
    return Long.parseLong(
        cluster.pods().logs(name, Map.of()).lines().findFirst().orElseThrow().trim());
  }

  private static void delete(String name) {
    Await.result(cluster.api().client().delete(Pod.class, "default", name, DeleteOptions.none()));
  }

  private static boolean gone(String name) {
    try {
      cluster.pods().get(name);
      return false;
    } catch (RuntimeException e) {
      return Errors.isNotFound(e);
    }
  }
}

package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.PodChecks;
import dev.skiff.agent.testing.Pods;
import dev.skiff.agent.testing.TestApiServer;
import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods on the process runtime, end to end through a real api-server: phases, restarts, env. */
class ProcessPodLifecycleIT {
  @TempDir static Path dir;
  static TestApiServer api;
  static TestNode node;
  static PodChecks pods;

  @BeforeAll
  static void start() {
    api = TestApiServer.start();
    node = TestNode.start(TestNode.options(api, 11, dir));
    pods = new PodChecks(api);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void runsAPodUntilRunningAndReadyWithItsOwnPodIp() {
    pods.create(Pods.shell("sleeper", node.name(), "sleep 600"));

    await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("sleeper"));
    Pod pod = pods.get("sleeper");
    assertThat(pod.status.phase).isEqualTo("Running");
    assertThat(pod.status.podIP).startsWith("127.1.11.");
    assertThat(pod.status.hostIP).isEqualTo("127.0.1.11");
    ContainerStatus c = pod.status.containerStatuses.get(0);
    assertThat(c.state.running.startedAt).isNotNull();
    assertThat(c.ready).isTrue();
    assertThat(c.restartCount).isZero();
    assertThat(c.containerID).startsWith("process://");
    assertThat(pod.status.conditions)
        .extracting(cond -> cond.type + "=" + cond.status)
        .containsExactly(
            "PodScheduled=True", "Initialized=True", "ContainersReady=True", "Ready=True");
  }

  @Test
  void givesTwoPodsDistinctIps() {
    pods.create(Pods.shell("twin-a", node.name(), "sleep 600"));
    pods.create(Pods.shell("twin-b", node.name(), "sleep 600"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pods.ready("twin-a") && pods.ready("twin-b"));
    assertThat(pods.get("twin-a").status.podIP).isNotEqualTo(pods.get("twin-b").status.podIP);
  }

  @Test
  void passesEnvFieldRefsAndExpandsVariablesInArgs() {
    Pod pod =
        Pods.pod(
            "env",
            node.name(),
            c -> {
              c.command = List.of("sh", "-c");
              c.args =
                  List.of(
                      "echo \"$(GREETING) from $(MY_NAME)/$(MY_NS) on $(NODE) ip=$POD_IP\"; "
                          + "echo 'literal $$(GREETING) missing=$(NOPE)'; echo \"derived=$DERIVED\"; sleep 600");
              c.env =
                  List.of(
                      Pods.env("GREETING", "hello"),
                      Pods.fieldRef("MY_NAME", "metadata.name"),
                      Pods.fieldRef("MY_NS", "metadata.namespace"),
                      Pods.fieldRef("NODE", "spec.nodeName"),
                      Pods.fieldRef("IP", "status.podIP"),
                      Pods.env("DERIVED", "$(GREETING)-$(IP)"));
            });
    pods.create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("env"));
    String ip = pods.get("env").status.podIP;
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(pods.logs("env", Map.of()))
                    .isEqualTo(
                        "hello from env/default on "
                            + node.name()
                            + " ip="
                            + ip
                            + "\n"
                            + "literal $(GREETING) missing=$(NOPE)\n"
                            + "derived=hello-"
                            + ip
                            + "\n"));
  }

  @Test
  void restartPolicyNeverLeavesAFailedPodFailed() {
    Pod pod = Pods.shell("never", node.name(), "exit 3");
    pod.spec().restartPolicy = "Never";
    pods.create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> "Failed".equals(pods.phase("never")));
    ContainerStatus c = pods.container("never");
    assertThat(c.state.terminated.exitCode).isEqualTo(3);
    assertThat(c.state.terminated.reason).isEqualTo("Error");
    assertThat(c.restartCount).isZero();
  }

  @Test
  void restartPolicyOnFailureRestartsUntilSuccess() {
    Pod pod =
        Pods.shell(
            "onfailure",
            node.name(),
            "n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; [ $n -ge 2 ]");
    pod.spec().restartPolicy = "OnFailure";
    pods.create(pod);

    await().atMost(Duration.ofSeconds(15)).until(() -> "Succeeded".equals(pods.phase("onfailure")));
    ContainerStatus c = pods.container("onfailure");
    assertThat(c.restartCount).isEqualTo(2);
    assertThat(c.state.terminated.exitCode).isZero();
    assertThat(c.state.terminated.reason).isEqualTo("Completed");
    assertThat(c.lastState.terminated.exitCode).isEqualTo(1);
  }

  @Test
  void restartPolicyAlwaysRestartsEvenAfterSuccessAndBacksOff() {
    Pod pod = Pods.shell("always", node.name(), "echo run; exit 0");
    pods.create(pod);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> pods.container("always") != null && pods.container("always").restartCount >= 3);
    assertThat(pods.phase("always")).isEqualTo("Running");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "CrashLoopBackOff".equals(pods.waitingReason("always")));
    ContainerStatus c = pods.container("always");
    assertThat(c.state.waiting.message)
        .contains("back-off")
        .contains("restarting failed container=main");
    assertThat(c.lastState.terminated.exitCode).isZero();
  }

  @Test
  void missingCommandEndsInCreateContainerErrorWhileOtherPodsKeepRunning() {
    pods.create(Pods.pod("nocmd", node.name(), c -> c.command = List.of("/no/such/binary")));
    pods.create(Pods.shell("neighbour", node.name(), "sleep 600"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "CreateContainerError".equals(pods.waitingReason("nocmd")));
    assertThat(pods.container("nocmd").state.waiting.message).contains("/no/such/binary");
    assertThat(pods.phase("nocmd")).isEqualTo("Pending");
    await().atMost(Duration.ofSeconds(10)).until(() -> pods.ready("neighbour"));
  }
}

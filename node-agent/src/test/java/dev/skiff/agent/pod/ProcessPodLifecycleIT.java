package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.AgentFixture;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pods on the process runtime, end to end through a real api-server: phases, restarts, env. */
class ProcessPodLifecycleIT {
  @RegisterExtension static final AgentFixture cluster = new AgentFixture(11);

  @Test
  void runsAPodUntilRunningAndReadyWithItsOwnPodIp() {
    cluster.pods().create(Pods.shell("sleeper", cluster.node().name(), "sleep 600"));

    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("sleeper"));
    Pod pod = cluster.pods().get("sleeper");
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
    cluster.pods().create(Pods.shell("twin-a", cluster.node().name(), "sleep 600"));
    cluster.pods().create(Pods.shell("twin-b", cluster.node().name(), "sleep 600"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.pods().ready("twin-a") && cluster.pods().ready("twin-b"));
    assertThat(cluster.pods().get("twin-a").status.podIP)
        .isNotEqualTo(cluster.pods().get("twin-b").status.podIP);
  }

  @Test
  void passesEnvFieldRefsAndExpandsVariablesInArgs() {
    Pod pod =
        Pods.pod(
            "env",
            cluster.node().name(),
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
    cluster.pods().create(pod);

    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("env"));
    String ip = cluster.pods().get("env").status.podIP;
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(cluster.pods().logs("env", Map.of()))
                    .isEqualTo(
                        "hello from env/default on "
                            + cluster.node().name()
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
    Pod pod = Pods.shell("never", cluster.node().name(), "exit 3");
    pod.spec().restartPolicy = "Never";
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Failed".equals(cluster.pods().phase("never")));
    ContainerStatus c = cluster.pods().container("never");
    assertThat(c.state.terminated.exitCode).isEqualTo(3);
    assertThat(c.state.terminated.reason).isEqualTo("Error");
    assertThat(c.restartCount).isZero();
  }

  @Test
  void restartPolicyOnFailureRestartsUntilSuccess() {
    Pod pod =
        Pods.shell(
            "onfailure",
            cluster.node().name(),
            "n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; [ $n -ge 2 ]");
    pod.spec().restartPolicy = "OnFailure";
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "Succeeded".equals(cluster.pods().phase("onfailure")));
    ContainerStatus c = cluster.pods().container("onfailure");
    assertThat(c.restartCount).isEqualTo(2);
    assertThat(c.state.terminated.exitCode).isZero();
    assertThat(c.state.terminated.reason).isEqualTo("Completed");
    assertThat(c.lastState.terminated.exitCode).isEqualTo(1);
  }

  @Test
  void restartPolicyAlwaysRestartsEvenAfterSuccessAndBacksOff() {
    Pod pod = Pods.shell("always", cluster.node().name(), "echo run; exit 0");
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                cluster.pods().container("always") != null
                    && cluster.pods().container("always").restartCount >= 3);
    assertThat(cluster.pods().phase("always")).isEqualTo("Running");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "CrashLoopBackOff".equals(cluster.pods().waitingReason("always")));
    ContainerStatus c = cluster.pods().container("always");
    assertThat(c.state.waiting.message)
        .contains("back-off")
        .contains("restarting failed container=main");
    assertThat(c.lastState.terminated.exitCode).isZero();
  }

  @Test
  void missingCommandEndsInCreateContainerErrorWhileOtherPodsKeepRunning() {
    cluster
        .pods()
        .create(
            Pods.pod("nocmd", cluster.node().name(), c -> c.command = List.of("/no/such/binary")));
    cluster.pods().create(Pods.shell("neighbour", cluster.node().name(), "sleep 600"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "CreateContainerError".equals(cluster.pods().waitingReason("nocmd")));
    assertThat(cluster.pods().container("nocmd").state.waiting.message).contains("/no/such/binary");
    assertThat(cluster.pods().phase("nocmd")).isEqualTo("Pending");
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("neighbour"));
  }

  @Test
  void recordsEventsForPullCreateStartAndBackOff() {
    cluster.pods().create(Pods.shell("eventful", cluster.node().name(), "exit 1"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                reasons("eventful")
                    .containsAll(List.of("Pulled", "Created", "Started", "BackOff")));
    Event pulled =
        events("eventful").stream()
            .filter(e -> e.reason.equals("Pulled"))
            .findFirst()
            .orElseThrow();
    assertThat(pulled.message)
        .isEqualTo("Container image \"skiff/busybox:1\" already present on machine");
    assertThat(pulled.source.component).isEqualTo("kubelet");
    assertThat(pulled.source.host).isEqualTo(cluster.node().name());
    assertThat(pulled.involvedObject.fieldPath).isEqualTo("spec.containers{main}");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                events("eventful").stream()
                    .anyMatch(e -> e.reason.equals("Started") && e.count != null && e.count > 1));
  }

  private static List<Event> events(String pod) {
    return Await.result(cluster.api().client().list(Event.class, "default", ListOptions.none()))
        .items
        .stream()
        .filter(e -> pod.equals(e.involvedObject.name))
        .toList();
  }

  private static List<String> reasons(String pod) {
    return events(pod).stream().map(e -> e.reason).toList();
  }

  @Test
  void initContainersRunInOrderToCompletionBeforeTheAppContainers() {
    Pod pod = Pods.shell("init", cluster.node().name(), "cat first second; sleep 600");
    pod.spec().initContainers =
        List.of(
            container("first", "sleep 3; echo one > first"),
            container("second", "test -f first && echo two > second"));
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                cluster.pods().get("init").status != null
                    && cluster.pods().get("init").status.initContainerStatuses != null);
    Pod initializing = cluster.pods().get("init");
    assertThat(initializing.status.phase).isEqualTo("Pending");
    assertThat(initializing.status.containerStatuses.get(0).state.waiting.reason)
        .isEqualTo("PodInitializing");
    assertThat(condition(initializing, "Initialized")).isEqualTo("False");

    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pods().ready("init"));
    Pod running = cluster.pods().get("init");
    assertThat(running.status.initContainerStatuses)
        .extracting(c -> c.name + ":" + c.state.terminated.reason)
        .containsExactly("first:Completed", "second:Completed");
    assertThat(condition(running, "Initialized")).isEqualTo("True");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(cluster.pods().logs("init", Map.of())).isEqualTo("one\ntwo\n"));
  }

  @Test
  void aFailedInitContainerFailsAPodThatNeverRestarts() {
    Pod pod = Pods.shell("badinit", cluster.node().name(), "sleep 600");
    pod.spec().restartPolicy = "Never";
    pod.spec().initContainers = List.of(container("setup", "exit 7"));
    cluster.pods().create(pod);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Failed".equals(cluster.pods().phase("badinit")));
    Pod failed = cluster.pods().get("badinit");
    assertThat(failed.status.initContainerStatuses.get(0).state.terminated.exitCode).isEqualTo(7);
    assertThat(failed.status.containerStatuses.get(0).state.waiting.reason)
        .isEqualTo("PodInitializing");
  }

  private static dev.skiff.api.model.core.Container container(String name, String script) {
    dev.skiff.api.model.core.Container c = new dev.skiff.api.model.core.Container();
    c.name = name;
    c.image = "skiff/busybox:1";
    c.command = List.of("sh", "-c", script);
    return c;
  }

  private static String condition(Pod pod, String type) {
    return pod.status.conditions.stream()
        .filter(c -> type.equals(c.type))
        .findFirst()
        .orElseThrow()
        .status;
  }
}

package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.core.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusBuilderTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");
  final StatusBuilder builder = new StatusBuilder("process");

  @Test
  void aRunningReadyContainerMakesARunningReadyPod() {
    Pod pod = Pods.pod("p", "n", c -> {});
    ContainerInfo running = info(0, ContainerInfo.State.RUNNING, null);

    PodStatus s = build(pod, view(pod, running, null, null, true));

    assertThat(s.phase).isEqualTo("Running");
    assertThat(s.podIP).isEqualTo("127.1.1.2");
    assertThat(s.podIPs).extracting(ip -> ip.ip).containsExactly("127.1.1.2");
    assertThat(s.hostIP).isEqualTo("127.0.1.1");
    ContainerStatus c = s.containerStatuses.get(0);
    assertThat(c.state.running.startedAt).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(c.containerID).isEqualTo("process://id-0");
    assertThat(c.ready).isTrue();
    assertThat(c.started).isTrue();
    assertThat(conditions(s))
        .containsExactly(
            "PodScheduled=True", "Initialized=True", "ContainersReady=True", "Ready=True");
  }

  @Test
  void aCrashLoopingContainerWaitsWithItsLastTerminationAndThePodStaysRunning() {
    Pod pod = Pods.pod("p", "n", c -> {});
    ContainerInfo crashed = info(2, ContainerInfo.State.EXITED, 1);

    PodStatus s =
        build(
            pod,
            new ContainerView(
                pod.spec().containers.get(0),
                crashed,
                null,
                "CrashLoopBackOff",
                "back-off 20s",
                false,
                false,
                2));

    ContainerStatus c = s.containerStatuses.get(0);
    assertThat(c.state.waiting.reason).isEqualTo("CrashLoopBackOff");
    assertThat(c.lastState.terminated.exitCode).isEqualTo(1);
    assertThat(c.lastState.terminated.reason).isEqualTo("Error");
    assertThat(c.restartCount).isEqualTo(2);
    assertThat(s.phase).isEqualTo("Running");
    assertThat(conditions(s)).contains("Ready=False");
    PodCondition ready = s.conditions.get(3);
    assertThat(ready.reason).isEqualTo("ContainersNotReady");
    assertThat(ready.message).isEqualTo("containers with unready status: [main]");
  }

  @Test
  void aContainerThatNeverStartedLeavesThePodPending() {
    Pod pod = Pods.pod("p", "n", c -> {});

    PodStatus s =
        build(
            pod,
            new ContainerView(
                pod.spec().containers.get(0),
                null,
                null,
                "CreateContainerError",
                "no such file",
                false,
                false,
                0));

    assertThat(s.phase).isEqualTo("Pending");
    assertThat(s.containerStatuses.get(0).state.waiting.message).isEqualTo("no such file");
    assertThat(s.containerStatuses.get(0).lastState.terminated).isNull();
  }

  @Test
  void aCompletedPodIsSucceededAndNotReady() {
    Pod pod = Pods.pod("p", "n", c -> {});
    pod.spec().restartPolicy = "Never";

    PodStatus s = build(pod, view(pod, info(0, ContainerInfo.State.EXITED, 0), null, null, false));

    assertThat(s.phase).isEqualTo("Succeeded");
    assertThat(s.containerStatuses.get(0).state.terminated.reason).isEqualTo("Completed");
    assertThat(s.conditions.get(3).reason).isEqualTo("PodCompleted");
  }

  @Test
  void aSignalledContainerReportsItsSignal() {
    Pod pod = Pods.pod("p", "n", c -> {});
    pod.spec().restartPolicy = "Never";

    PodStatus s =
        build(pod, view(pod, info(0, ContainerInfo.State.EXITED, 137), null, null, false));

    assertThat(s.phase).isEqualTo("Failed");
    assertThat(s.containerStatuses.get(0).state.terminated.signal).isEqualTo(9);
  }

  @Test
  void conditionsKeepTheirTransitionTimeWhileUnchanged() {
    Pod pod = Pods.pod("p", "n", c -> {});
    PodStatus first =
        build(pod, view(pod, info(0, ContainerInfo.State.RUNNING, null), null, null, true));
    pod.status = first;

    PodStatus later =
        builder.build(
            pod,
            List.of(view(pod, info(0, ContainerInfo.State.RUNNING, null), null, null, true)),
            "127.1.1.2",
            "127.0.1.1",
            NOW,
            NOW.plusSeconds(60));

    assertThat(later.conditions.get(3).lastTransitionTime)
        .isEqualTo(first.conditions.get(3).lastTransitionTime);
    assertThat(later.startTime).isEqualTo(first.startTime);
  }

  @Test
  void aTerminalPhaseIsNeverLeft() {
    Pod pod = Pods.pod("p", "n", c -> {});
    pod.status().phase = "Succeeded";

    PodStatus s =
        build(pod, view(pod, info(1, ContainerInfo.State.RUNNING, null), null, null, true));

    assertThat(s.phase).isEqualTo("Succeeded");
    assertThat(s.containerStatuses.get(0).ready).isFalse();
  }

  static Stream<Arguments> phases() {
    return Stream.of(
        Arguments.of("Always", List.of("running", "waiting"), "Pending"),
        Arguments.of("Always", List.of("running", "crashloop"), "Running"),
        Arguments.of("Always", List.of("exit0", "exit1"), "Running"),
        Arguments.of("OnFailure", List.of("exit0", "exit0"), "Succeeded"),
        Arguments.of("OnFailure", List.of("exit0", "exit1"), "Running"),
        Arguments.of("Never", List.of("exit0", "exit1"), "Failed"),
        Arguments.of("Never", List.of("exit0", "running"), "Running"),
        Arguments.of("Never", List.of("exit0"), "Succeeded"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("phases")
  void phaseFollowsTheKubeletsRules(String policy, List<String> states, String phase) {
    List<ContainerStatus> statuses =
        states.stream()
            .map(
                st -> {
                  ContainerStatus s = new ContainerStatus();
                  s.state = new dev.skiff.api.model.core.ContainerState();
                  switch (st) {
                    case "running" ->
                        s.state.running = new dev.skiff.api.model.core.ContainerStateRunning();
                    case "waiting" ->
                        s.state.waiting = new dev.skiff.api.model.core.ContainerStateWaiting();
                    case "crashloop" -> {
                      s.state.waiting = new dev.skiff.api.model.core.ContainerStateWaiting();
                      s.lastState = new dev.skiff.api.model.core.ContainerState();
                      s.lastState.terminated =
                          new dev.skiff.api.model.core.ContainerStateTerminated();
                    }
                    default -> {
                      s.state.terminated = new dev.skiff.api.model.core.ContainerStateTerminated();
                      s.state.terminated.exitCode = st.equals("exit0") ? 0 : 1;
                    }
                  }
                  return s;
                })
            .toList();

    assertThat(PodPhase.of(policy, statuses)).isEqualTo(phase);
  }

  @Test
  void anEvictedPodIsFailedWithTheEvictionsReasonAndKeepsItOnLaterSyncs() {
    Pod pod = Pods.pod("p", "n", c -> {});
    ContainerInfo killed = info(0, ContainerInfo.State.EXITED, 137);
    String message = "Usage of EmptyDir volume \"scratch\" exceeds the limit \"1Mi\". ";

    PodStatus evicted =
        StatusBuilder.evicted(build(pod, view(pod, killed, null, null, false)), message);

    assertThat(evicted.phase).isEqualTo("Failed");
    assertThat(evicted.reason).isEqualTo("Evicted");
    assertThat(evicted.message).isEqualTo(message);
    assertThat(evicted.containerStatuses.get(0).ready).isFalse();
    assertThat(conditions(evicted)).contains("ContainersReady=False", "Ready=False");

    pod.status = evicted;
    PodStatus later = build(pod, view(pod, killed, null, null, false));
    assertThat(later.phase).isEqualTo("Failed");
    assertThat(later.reason).isEqualTo("Evicted");
    assertThat(later.message).isEqualTo(message);
  }

  private PodStatus build(Pod pod, ContainerView view) {
    return builder.build(pod, List.of(view), "127.1.1.2", "127.0.1.1", NOW, NOW);
  }

  private static ContainerView view(
      Pod pod, ContainerInfo current, ContainerInfo previous, String waiting, boolean ready) {
    return new ContainerView(
        pod.spec().containers.get(0),
        current,
        previous,
        waiting,
        null,
        ready,
        ready,
        current == null ? 0 : current.attempt());
  }

  private static ContainerInfo info(int attempt, ContainerInfo.State state, Integer exit) {
    Instant started = Instant.parse("2026-01-01T00:00:00Z");
    return new ContainerInfo(
        "id-" + attempt,
        "uid",
        "main",
        attempt,
        "img",
        "process://img",
        state,
        started,
        exit == null ? null : started.plusSeconds(30),
        exit,
        exit == null ? null : ContainerInfo.exitReason(exit),
        null);
  }

  private static List<String> conditions(PodStatus s) {
    return s.conditions.stream().map(c -> c.type + "=" + c.status).toList();
  }
}

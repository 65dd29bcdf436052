package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.agent.testing.Pods;
import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sync shows for one container and what it asks to be done, without doing it. */
class ContainerPlanTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

  final Pod pod = Pods.shell("web", "node-1", "exit 1");
  final ContainerRecord record = new ContainerRecord();
  final CrashBackoff backoff =
      new CrashBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), new MutableClock(NOW));

  @Test
  void aContainerThatNeverRanIsCreatingAndAsksForAStartNow() {
    ContainerPlan plan = plan(List.of(), true, false);

    assertThat(plan.view().waitingReason()).isEqualTo("ContainerCreating");
    assertThat(plan.requeueNow()).isTrue();
    assertThat(plan.requeueAfter()).isNull();
    assertThat(plan.backOff()).isNull();
  }

  @Test
  void withoutASandboxItShowsTheSandboxFailureAndSchedulesNothing() {
    StartFailure failure = new StartFailure("CreatePodSandboxError", "no network", NOW);
    ContainerPlan.Input in = input(List.of(), false, failure, false);

    ContainerPlan plan = ContainerPlan.of(in, backoff, NOW);

    assertThat(in.probed()).isFalse();
    assertThat(plan.view().waitingReason()).isEqualTo("CreatePodSandboxError");
    assertThat(plan.view().waitingMessage()).isEqualTo("no network");
    assertThat(plan).isEqualTo(new ContainerPlan(plan.view(), false, null, null));
  }

  @Test
  void aBlockedContainerThatNeverRanWaitsForTheInitContainersUnprobed() {
    ContainerPlan.Input in = input(List.of(), true, null, true);

    ContainerPlan plan = ContainerPlan.of(in, backoff, NOW);

    assertThat(in.probed()).isFalse();
    assertThat(plan.view().waitingReason()).isEqualTo("PodInitializing");
    assertThat(plan.requeueNow()).isFalse();
  }

  @Test
  void aRunningContainerWithoutProbesIsReadyAndProbed() {
    ContainerPlan.Input in = input(List.of(running("a", 0)), true, null, false);

    ContainerPlan plan = ContainerPlan.of(in, backoff, NOW);

    assertThat(in.probed()).isTrue();
    assertThat(plan.view().ready()).isTrue();
    assertThat(plan.view().started()).isTrue();
    assertThat(plan.view().waitingReason()).isNull();
    assertThat(plan).isEqualTo(new ContainerPlan(plan.view(), false, null, null));
  }

  @Test
  void aCrashInBackOffIsCrashLoopBackOffWithOneEventAndARequeueAtItsEnd() {
    Instant finished = NOW.minusSeconds(4);
    backoff.next(pod.meta().uid + "/main", finished.minusSeconds(1));
    List<ContainerInfo> instances =
        List.of(exited("a", 0, NOW.minusSeconds(20)), exited("b", 1, finished));

    ContainerPlan plan = plan(instances, true, false);

    assertThat(plan.view().waitingReason()).isEqualTo("CrashLoopBackOff");
    assertThat(plan.view().waitingMessage())
        .isEqualTo("back-off 6s restarting failed container=main pod=web_default(null)");
    assertThat(plan.view().restartCount()).isEqualTo(1);
    assertThat(plan.view().previous().id()).isEqualTo("a");
    assertThat(plan.requeueAfter()).isEqualTo(Duration.ofSeconds(6));
    assertThat(plan.backOff())
        .isEqualTo(
            new ContainerPlan.BackOffEvent(
                finished, "Back-off restarting failed container main in pod web"));

    record.backoffReported = finished;
    assertThat(plan(instances, true, false).backOff()).isNull();
  }

  @Test
  void aFailedPullShowsItsReasonUntilItsOwnRetryTimeWithoutTheCrashBackOff() {
    record.failure =
        new StartFailure(
            "ErrImagePull", "manifest unknown", NOW.minusSeconds(2), NOW.plusSeconds(3));

    ContainerPlan plan = plan(List.of(), true, false);

    assertThat(plan.view().waitingReason()).isEqualTo("ErrImagePull");
    assertThat(plan.view().waitingMessage()).isEqualTo("manifest unknown");
    assertThat(plan.backOff()).isNull();
    assertThat(plan.requeueAfter()).isEqualTo(Duration.ofSeconds(3));

    record.failure =
        new StartFailure(
            "ImagePullBackOff", "Back-off pulling image \"x\"", NOW.minusSeconds(1), NOW);
    ContainerPlan due = plan(List.of(), true, false);
    assertThat(due.requeueNow()).isTrue();
    assertThat(due.view().waitingReason()).isEqualTo("ImagePullBackOff");
  }

  private ContainerPlan plan(List<ContainerInfo> instances, boolean sandbox, boolean blocked) {
    return ContainerPlan.of(input(instances, sandbox, null, blocked), backoff, NOW);
  }

  private ContainerPlan.Input input(
      List<ContainerInfo> instances, boolean sandbox, StartFailure failure, boolean blocked) {
    return new ContainerPlan.Input(
        pod,
        pod.meta().uid,
        pod.spec().containers.get(0),
        record,
        instances,
        sandbox,
        failure,
        "Always",
        blocked);
  }

  private static ContainerInfo running(String id, int attempt) {
    return new ContainerInfo(
        id,
        "uid",
        "main",
        attempt,
        "img",
        "img",
        ContainerInfo.State.RUNNING,
        NOW.minusSeconds(5),
        null,
        null,
        null,
        null);
  }

  private static ContainerInfo exited(String id, int attempt, Instant finished) {
    return running(id, attempt).exited(finished, 1, "Error", null);
  }
}

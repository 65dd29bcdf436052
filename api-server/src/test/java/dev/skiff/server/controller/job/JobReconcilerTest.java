package dev.skiff.server.controller.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.batch.JobCondition;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.controller.support.Owners;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobReconcilerTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  static final JobReconciler.Options OPTIONS = JobReconciler.Options.DEFAULT;

  static Job job(Integer completions, int parallelism) {
    Job job =
        Json.parse(
            """
            {"apiVersion":"batch/v1","kind":"Job",
             "metadata":{"name":"pi","namespace":"default","uid":"job-uid"},
             "spec":{"parallelism":%d,"backoffLimit":6,"completionMode":"NonIndexed",
              "selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"job-uid"}},
              "template":{"metadata":{"labels":{"batch.kubernetes.io/controller-uid":"job-uid"}},
               "spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"i"}]}}},
             "status":{"startTime":"2026-12-07T11:59:00Z"}}
            """
                .formatted(parallelism),
            Job.class);
    job.spec.completions = completions;
    return job;
  }

  /** A pod of the Job in a phase; a finished one finished {@code agoSeconds} before NOW. */
  static Pod pod(Job job, String name, String phase, long agoSeconds) {
    Pod pod =
        Json.parse(
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"default",
              "creationTimestamp":"2026-12-07T11:59:00Z"},
             "spec":{"nodeName":"n1","containers":[{"name":"c","image":"i"}]},
             "status":{"phase":"%s","containerStatuses":[{"name":"c","restartCount":0,
              "state":{"terminated":{"exitCode":0,"finishedAt":"%s"}}}]}}
            """
                .formatted(name, phase, Times.time(NOW.minusSeconds(agoSeconds))),
            Pod.class);
    if (phase.equals("Running") || phase.equals("Pending")) {
      pod.status.containerStatuses.get(0).state = null;
    }
    pod.meta().ownerReferences = Owners.listOf(Owners.controllerRef(job));
    return pod;
  }

  static List<Pod> pods(Job job, int running, int succeeded, int failed) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < running; i++) {
      out.add(pod(job, "r" + i, "Running", 0));
    }
    for (int i = 0; i < succeeded; i++) {
      out.add(pod(job, "s" + i, "Succeeded", 30));
    }
    for (int i = 0; i < failed; i++) {
      out.add(pod(job, "f" + i, "Failed", 600));
    }
    return out;
  }

  /** completions, parallelism, running, succeeded -> pods to create, to delete. */
  static Stream<Arguments> scaling() {
    return Stream.of(
        Arguments.of(1, 1, 0, 0, 1, 0),
        Arguments.of(5, 2, 0, 0, 2, 0),
        Arguments.of(5, 2, 2, 0, 0, 0),
        Arguments.of(5, 2, 1, 2, 1, 0),
        Arguments.of(5, 2, 1, 4, 0, 0),
        Arguments.of(5, 3, 3, 3, 0, 1),
        Arguments.of(5, 0, 2, 0, 0, 2),
        Arguments.of(null, 3, 0, 0, 3, 0),
        Arguments.of(null, 3, 1, 1, 0, 0));
  }

  @ParameterizedTest(
      name = "completions {0}, parallelism {1}, {2} running, {3} succeeded: create {4}, delete {5}")
  @MethodSource("scaling")
  void runsUpToParallelismPodsUntilCompletionsSucceeded(
      Integer completions, int parallelism, int running, int succeeded, int create, int delete) {
    Job job = job(completions, parallelism);
    var plan = JobReconciler.plan(job, pods(job, running, succeeded, 0), NOW, OPTIONS);
    assertThat(plan.create()).hasSize(create).allMatch(i -> i == -1);
    assertThat(plan.delete()).hasSize(delete);
    assertThat(plan.status().succeeded).isEqualTo(succeeded == 0 ? null : succeeded);
    int active = running - delete + create;
    assertThat(plan.status().active).isEqualTo(active == 0 ? null : active);
    assertThat(conditionTypes(plan)).isEmpty();
  }

  @Test
  void completesWithSuccessCriteriaMetThenComplete() {
    Job job = job(2, 1);
    var plan = JobReconciler.plan(job, pods(job, 0, 2, 1), NOW, OPTIONS);
    assertThat(plan.create()).isEmpty();
    assertThat(conditionTypes(plan)).containsExactly("SuccessCriteriaMet", "Complete");
    JobCondition complete = plan.status().conditions.get(1);
    assertThat(complete.reason).isEqualTo("CompletionsReached");
    assertThat(complete.message).isEqualTo("Reached expected number of succeeded pods");
    assertThat(plan.status().completionTime).isEqualTo(Times.time(NOW));
    assertThat(plan.status().succeeded).isEqualTo(2);
    assertThat(plan.status().failed).isEqualTo(1);
    assertThat(plan.events())
        .containsExactly(new JobReconciler.Event(false, "Completed", "Job completed"));

    Job done = Json.copy(job, Job.class);
    done.status = plan.status();
    var again = JobReconciler.plan(done, pods(job, 0, 2, 1), NOW.plusSeconds(5), OPTIONS);
    assertThat(JobReconciler.changed(done.status, again.status())).isFalse();
    assertThat(again.events()).isEmpty();
  }

  @Test
  void aWorkQueueJobCompletesWhenOnePodSucceededAndNoneRuns() {
    Job job = job(null, 3);
    assertThat(conditionTypes(JobReconciler.plan(job, pods(job, 1, 1, 0), NOW, OPTIONS))).isEmpty();
    assertThat(conditionTypes(JobReconciler.plan(job, pods(job, 0, 2, 0), NOW, OPTIONS)))
        .containsExactly("SuccessCriteriaMet", "Complete");
  }

  @Test
  void succeededPodsThatWereDeletedStillCount() {
    Job job = job(3, 1);
    job.status.succeeded = 2;
    var plan = JobReconciler.plan(job, pods(job, 0, 0, 0), NOW, OPTIONS);
    assertThat(plan.status().succeeded).isEqualTo(2);
    assertThat(plan.create()).hasSize(1);
  }

  /** failed pods, seconds since the last failed, -> pods created, requeue seconds. */
  static Stream<Arguments> backoff() {
    return Stream.of(
        Arguments.of(1, 4, 0, 6L),
        Arguments.of(1, 11, 1, null),
        Arguments.of(2, 15, 0, 5L),
        Arguments.of(3, 39, 0, 1L),
        Arguments.of(3, 40, 1, null),
        Arguments.of(6, 300, 0, 20L),
        Arguments.of(8, 300, 0, 60L));
  }

  @ParameterizedTest(
      name = "{0} failed, last {1}s ago: create {2}, requeue in {3}s (10s doubling, 6m at most)")
  @MethodSource("backoff")
  void waitsAnExponentialBackOffBeforeReplacingAFailedPod(
      int failed, int lastAgo, int create, Long requeue) {
    Job job = job(1, 1);
    job.spec.backoffLimit = 100;
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < failed; i++) {
      pods.add(pod(job, "f" + i, "Failed", i == 0 ? lastAgo : 1000));
    }
    var plan = JobReconciler.plan(job, pods, NOW, OPTIONS);
    assertThat(plan.create()).hasSize(create);
    assertThat(plan.requeueAfter()).isEqualTo(requeue == null ? null : Duration.ofSeconds(requeue));
    assertThat(plan.status().failed).isEqualTo(failed);
  }

  @Test
  void failsWithBackoffLimitExceededWhenFailuresPassTheLimit() {
    Job job = job(1, 1);
    job.spec.backoffLimit = 1;
    var plan = JobReconciler.plan(job, pods(job, 0, 0, 2), NOW, OPTIONS);
    assertThat(plan.create()).isEmpty();
    assertThat(conditionTypes(plan)).containsExactly("FailureTarget", "Failed");
    JobCondition failed = plan.status().conditions.get(1);
    assertThat(failed.reason).isEqualTo("BackoffLimitExceeded");
    assertThat(failed.message).isEqualTo("Job has reached the specified backoff limit");
    assertThat(plan.status().completionTime).isNull();
    assertThat(plan.events())
        .containsExactly(
            new JobReconciler.Event(
                true, "BackoffLimitExceeded", "Job has reached the specified backoff limit"));
  }

  @Test
  void containerRestartsCountAsFailuresUnderOnFailure() {
    Job job = job(1, 1);
    job.spec.backoffLimit = 2;
    job.spec.template.spec.restartPolicy = "OnFailure";
    List<Pod> pods = pods(job, 1, 0, 0);
    pods.get(0).status.containerStatuses.get(0).restartCount = 3;
    var plan = JobReconciler.plan(job, pods, NOW, OPTIONS);
    assertThat(plan.delete()).hasSize(1);
    assertThat(conditionTypes(plan)).containsExactly("FailureTarget");
  }

  @Test
  void activeDeadlineRequeuesThenFailsAndStopsThePods() {
    Job job = job(1, 1);
    job.spec.activeDeadlineSeconds = 90L;
    var early = JobReconciler.plan(job, pods(job, 1, 0, 0), NOW, OPTIONS);
    assertThat(early.requeueAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(conditionTypes(early)).isEmpty();

    var late = JobReconciler.plan(job, pods(job, 1, 0, 0), NOW.plusSeconds(30), OPTIONS);
    assertThat(late.delete()).hasSize(1);
    assertThat(conditionTypes(late)).containsExactly("FailureTarget");
    assertThat(late.status().conditions.get(0).reason).isEqualTo("DeadlineExceeded");
    assertThat(late.status().conditions.get(0).message)
        .isEqualTo("Job was active longer than specified deadline");

    Job failing = Json.copy(job, Job.class);
    failing.status = late.status();
    var gone = JobReconciler.plan(failing, List.of(), NOW.plusSeconds(31), OPTIONS);
    assertThat(gone.create()).isEmpty();
    assertThat(conditionTypes(gone)).containsExactly("FailureTarget", "Failed");
    assertThat(gone.status().conditions.get(1).reason).isEqualTo("DeadlineExceeded");
  }

  @Test
  void ttlAfterFinishedDeletesTheJobWhenItRunsOut() {
    Job job = job(1, 1);
    job.spec.ttlSecondsAfterFinished = 10;
    var done = JobReconciler.plan(job, pods(job, 0, 1, 0), NOW, OPTIONS);
    assertThat(done.deleteJob()).isFalse();
    assertThat(done.requeueAfter()).isEqualTo(Duration.ofSeconds(10));

    Job finished = Json.copy(job, Job.class);
    finished.status = done.status();
    var before = JobReconciler.plan(finished, pods(job, 0, 1, 0), NOW.plusSeconds(4), OPTIONS);
    assertThat(before.deleteJob()).isFalse();
    assertThat(before.requeueAfter()).isEqualTo(Duration.ofSeconds(6));
    var after = JobReconciler.plan(finished, pods(job, 0, 1, 0), NOW.plusSeconds(10), OPTIONS);
    assertThat(after.deleteJob()).isTrue();
  }

  @Test
  void suspendStopsThePodsAndResumeStartsThemAgain() {
    Job job = job(2, 2);
    job.spec.suspend = true;
    var suspended = JobReconciler.plan(job, pods(job, 2, 0, 0), NOW, OPTIONS);
    assertThat(suspended.delete()).hasSize(2);
    assertThat(suspended.create()).isEmpty();
    assertThat(conditionTypes(suspended)).containsExactly("Suspended");
    assertThat(suspended.status().startTime).isNull();

    Job resumed = Json.copy(job, Job.class);
    resumed.spec.suspend = false;
    resumed.status = suspended.status();
    var plan = JobReconciler.plan(resumed, List.of(), NOW.plusSeconds(60), OPTIONS);
    assertThat(plan.create()).hasSize(2);
    assertThat(plan.status().conditions.get(0).status).isEqualTo("False");
    assertThat(plan.status().conditions.get(0).reason).isEqualTo("JobResumed");
    assertThat(plan.status().startTime).isEqualTo(Times.time(NOW.plusSeconds(60)));
  }

  @Test
  void indexedJobCreatesTheMissingIndexesAndReportsCompletedOnes() {
    Job job = job(5, 2);
    job.spec.completionMode = "Indexed";
    List<Pod> pods = new ArrayList<>();
    for (int i : List.of(0, 2)) {
      Pod done = pod(job, "s" + i, "Succeeded", 10);
      done.meta().annotations = Map.of(Job.COMPLETION_INDEX, Integer.toString(i));
      pods.add(done);
    }
    Pod running = pod(job, "r1", "Running", 0);
    running.meta().annotations = Map.of(Job.COMPLETION_INDEX, "1");
    pods.add(running);
    var plan = JobReconciler.plan(job, pods, NOW, OPTIONS);
    assertThat(plan.create()).containsExactly(3);
    assertThat(plan.status().completedIndexes).isEqualTo("0,2");
    assertThat(plan.status().succeeded).isEqualTo(2);
  }

  @Test
  void indexedPodsCarryTheirIndex() {
    Job job = job(3, 3);
    Pod pod = JobPods.podFor(job, 2);
    assertThat(pod.meta().generateName).isEqualTo("pi-2-");
    assertThat(pod.meta().annotations).containsEntry(Job.COMPLETION_INDEX, "2");
    assertThat(pod.meta().labels).containsEntry(Job.COMPLETION_INDEX, "2");
    assertThat(pod.spec.hostname).isEqualTo("pi-2");
    assertThat(pod.spec.containers.get(0).env)
        .extracting(e -> e.name + "=" + e.value)
        .containsExactly("JOB_COMPLETION_INDEX=2");
    Pod plain = JobPods.podFor(job, -1);
    assertThat(plain.meta().generateName).isEqualTo("pi-");
    assertThat(plain.meta().ownerReferences.get(0).kind).isEqualTo("Job");
    assertThat(plain.meta().ownerReferences.get(0).controller).isTrue();
    assertThat(plain.meta().labels).containsEntry("batch.kubernetes.io/controller-uid", "job-uid");
  }

  @Test
  void writesCompletedIndexesAsRanges() {
    assertThat(JobReconciler.ranges(new TreeSet<>(List.of(0, 1, 2, 4, 6, 7))))
        .isEqualTo("0-2,4,6-7");
  }

  private static List<String> conditionTypes(JobReconciler.Plan plan) {
    return plan.status().conditions == null
        ? List.of()
        : plan.status().conditions.stream().map(c -> c.type).toList();
  }
}

package dev.skiff.server.controller.cronjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.batch.JobCondition;
import dev.skiff.api.model.batch.JobStatus;
import dev.skiff.api.model.meta.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronJobReconcilerTest {
  static final Instant CREATED = Instant.parse("2026-12-07T11:58:30Z");

  static CronJob cronJob(String schedule) {
    CronJob cj =
        Json.parse(
            """
            {"apiVersion":"batch/v1","kind":"CronJob",
             "metadata":{"name":"hello","namespace":"default","uid":"cj-uid",
              "creationTimestamp":"2026-12-07T11:58:30Z"},
             "spec":{"schedule":"%s","concurrencyPolicy":"Allow","suspend":false,
              "successfulJobsHistoryLimit":3,"failedJobsHistoryLimit":1,
              "jobTemplate":{"metadata":{"labels":{"app":"hello"}},
               "spec":{"template":{"spec":{"restartPolicy":"OnFailure",
                "containers":[{"name":"c","image":"busybox"}]}}}}}}
            """
                .formatted(schedule),
            CronJob.class);
    return cj;
  }

  /** A Job of the CronJob; finished "Complete" or "Failed", or null for running. */
  static Job job(CronJob cj, Instant scheduled, String finished) {
    Job job = CronJobReconciler.jobFor(cj, scheduled, java.time.ZoneOffset.UTC);
    job.meta().uid = "uid-" + job.meta().name;
    job.meta().creationTimestamp = Times.time(scheduled);
    job.status = new JobStatus();
    job.status.startTime = Times.time(scheduled);
    if (finished != null) {
      JobCondition c = new JobCondition();
      c.type = finished;
      c.status = "True";
      job.status.conditions = List.of(c);
      if (finished.equals("Complete")) {
        job.status.completionTime = Times.time(scheduled.plusSeconds(5));
      }
    }
    return job;
  }

  @Test
  void waitsForTheFirstScheduledTimeThenCreatesItsJob() {
    CronJob cj = cronJob("*/5 * * * *");
    var before = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-12-07T11:59:00Z"));
    assertThat(before.create()).isNull();
    assertThat(before.requeueAfter()).isEqualTo(Duration.ofSeconds(60).plusMillis(100));

    Instant now = Instant.parse("2026-12-07T12:00:07Z");
    var plan = CronJobReconciler.plan(cj, List.of(), now);
    Job job = plan.create();
    assertThat(job.meta().name)
        .isEqualTo("hello-" + Instant.parse("2026-12-07T12:00:00Z").getEpochSecond() / 60);
    assertThat(job.meta().name).isEqualTo("hello-29944080");
    assertThat(job.meta().labels).containsEntry("app", "hello");
    assertThat(job.meta().annotations)
        .containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp", "2026-12-07T12:00:00Z");
    assertThat(job.meta().ownerReferences.get(0).kind).isEqualTo("CronJob");
    assertThat(job.meta().ownerReferences.get(0).controller).isTrue();
    assertThat(job.spec.template.spec.restartPolicy).isEqualTo("OnFailure");
    assertThat(plan.status().lastScheduleTime).isEqualTo("2026-12-07T12:00:00Z");
    assertThat(plan.requeueAfter()).isEqualTo(Duration.ofSeconds(293).plusMillis(100));
  }

  @Test
  void aJobAlreadyCreatedForTheTimeIsNotCreatedAgain() {
    CronJob cj = cronJob("*/5 * * * *");
    Instant scheduled = Instant.parse("2026-12-07T12:00:00Z");
    var plan =
        CronJobReconciler.plan(cj, List.of(job(cj, scheduled, null)), scheduled.plusSeconds(9));
    assertThat(plan.create()).isNull();
    assertThat(plan.status().active).extracting(r -> r.name).containsExactly("hello-29944080");
  }

  @Test
  void runsOnlyTheMostRecentMissedTime() {
    CronJob cj = cronJob("* * * * *");
    var plan = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-12-07T12:30:30Z"));
    assertThat(plan.create().meta().annotations)
        .containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp", "2026-12-07T12:30:00Z");
    assertThat(plan.events()).isEmpty();
    var late = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-12-07T14:30:30Z"));
    assertThat(late.create().meta().annotations)
        .containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp", "2026-12-07T14:30:00Z");
    assertThat(late.events()).extracting(e -> e.reason()).containsExactly("TooManyMissedTimes");
  }

  @Test
  void startingDeadlineSkipsATimeMissedForTooLong() {
    CronJob cj = cronJob("0 * * * *");
    cj.spec.startingDeadlineSeconds = 60L;
    var plan = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-12-07T12:02:00Z"));
    assertThat(plan.create()).isNull();
    assertThat(plan.requeueAfter()).isEqualTo(Duration.ofMinutes(58).plusMillis(100));
    var inTime = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-12-07T12:00:59Z"));
    assertThat(inTime.create()).isNotNull();
  }

  @ParameterizedTest(name = "{0}: create {1}, delete the running one {2}")
  @CsvSource({"Allow, true, false", "Forbid, false, false", "Replace, true, true"})
  void concurrencyPolicyDecidesAboutARunningJob(String policy, boolean create, boolean delete) {
    CronJob cj = cronJob("*/5 * * * *");
    cj.spec.concurrencyPolicy = policy;
    Job running = job(cj, Instant.parse("2026-12-07T11:55:00Z"), null);
    cj.status = new dev.skiff.api.model.batch.CronJobStatus();
    cj.status.active = new ArrayList<>(List.of(CronJobReconciler.reference(running)));
    cj.status.lastScheduleTime = "2026-12-07T11:55:00Z";
    var plan = CronJobReconciler.plan(cj, List.of(running), Instant.parse("2026-12-07T12:00:01Z"));
    assertThat(plan.create() != null).isEqualTo(create);
    assertThat(plan.delete().contains(running)).isEqualTo(delete);
    if (policy.equals("Forbid")) {
      assertThat(plan.events()).extracting(e -> e.reason()).containsExactly("JobAlreadyActive");
    }
  }

  @Test
  void suspendedCreatesNothingAndDoesNotRequeue() {
    CronJob cj = cronJob("* * * * *");
    cj.spec.suspend = true;
    var plan = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-12-07T12:30:30Z"));
    assertThat(plan.create()).isNull();
    assertThat(plan.requeueAfter()).isNull();
  }

  @Test
  void finishedJobsLeaveActiveAndBeyondTheHistoryLimitsAreDeleted() {
    CronJob cj = cronJob("* * * * *");
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jobs.add(job(cj, Instant.parse("2026-12-07T12:0" + i + ":00Z"), "Complete"));
    }
    jobs.add(job(cj, Instant.parse("2026-12-07T12:05:00Z"), "Failed"));
    jobs.add(job(cj, Instant.parse("2026-12-07T12:06:00Z"), "Failed"));
    Job running = job(cj, Instant.parse("2026-12-07T12:07:00Z"), null);
    jobs.add(running);
    cj.status = new dev.skiff.api.model.batch.CronJobStatus();
    cj.status.active = new ArrayList<>(List.of(CronJobReconciler.reference(jobs.get(4))));
    cj.status.lastScheduleTime = "2026-12-07T12:07:00Z";
    var plan = CronJobReconciler.plan(cj, jobs, Instant.parse("2026-12-07T12:07:30Z"));
    assertThat(plan.delete())
        .extracting(j -> j.meta().name)
        .containsExactly(jobs.get(0).meta().name, jobs.get(1).meta().name, jobs.get(5).meta().name);
    assertThat(plan.status().active).extracting(r -> r.name).containsExactly(running.meta().name);
    assertThat(plan.status().lastSuccessfulTime).isEqualTo("2026-12-07T12:04:05Z");
    assertThat(plan.events()).extracting(e -> e.reason()).containsExactly("SawCompletedJob");
  }

  @Test
  void readsTheScheduleInItsTimeZoneAcrossDst() {
    CronJob cj = cronJob("30 2 * * *");
    cj.spec.timeZone = "America/New_York";
    cj.meta().creationTimestamp = "2026-03-07T12:00:00Z";
    cj.status = new dev.skiff.api.model.batch.CronJobStatus();
    cj.status.lastScheduleTime = "2026-03-07T07:30:00Z";
    // 02:30 does not exist on 2026-03-08 in New York: the next run is on the 9th, 06:30 UTC
    var plan = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-03-08T12:00:00Z"));
    assertThat(plan.create()).isNull();
    assertThat(plan.requeueAfter()).isEqualTo(Duration.ofHours(18).plusMinutes(30).plusMillis(100));
    var next = CronJobReconciler.plan(cj, List.of(), Instant.parse("2026-03-09T06:30:01Z"));
    assertThat(next.create().meta().annotations)
        .containsEntry(
            "batch.kubernetes.io/cronjob-scheduled-timestamp", "2026-03-09T02:30:00-04:00");
  }
}

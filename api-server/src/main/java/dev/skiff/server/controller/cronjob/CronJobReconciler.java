package dev.skiff.server.controller.cronjob;

import dev.skiff.api.Json;
import dev.skiff.api.cron.CronSchedule;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.CronJobSpec;
import dev.skiff.api.model.batch.CronJobStatus;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.batch.JobCondition;
import dev.skiff.api.model.batch.JobSpec;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.controller.support.Owners;
import dev.skiff.server.controller.support.SameJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What a CronJob needs, pure: given the CronJob, the Jobs it controls and the time, the Job to
 * create (named {@code <cronjob>-<scheduled minutes since the epoch>}), the Jobs to delete
 * (Replace, history limits), the status, the events and when the next schedule is due. Follows
 * Kubernetes' CronJob controller (v2): the most recent missed time only, startingDeadlineSeconds,
 * Allow/Forbid/Replace, suspend, successful/failed history limits. Without spec.timeZone the
 * schedule is read in UTC (Kubernetes uses the controller manager's local zone).
 */
public final class CronJobReconciler {
  /** The annotation with the scheduled time of a Job a CronJob created. */
  public static final String SCHEDULED_TIMESTAMP =
      "batch.kubernetes.io/cronjob-scheduled-timestamp";

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private CronJobReconciler() {}

  public record Event(boolean warning, String reason, String message) {}

  /**
   * @param create the Job to create, or null
   * @param delete Jobs to delete (Replace, history limits)
   * @param requeueAfter when the next scheduled time is due, or null (suspended, invalid)
   */
  public record Plan(
      Job create,
      List<Job> delete,
      CronJobStatus status,
      Duration requeueAfter,
      List<Event> events) {}

  public static Plan plan(CronJob cj, List<Job> jobs, Instant now) {
    CronJobSpec spec = cj.spec();
    CronJobStatus status =
        cj.status == null ? new CronJobStatus() : Json.copy(cj.status, CronJobStatus.class);
    List<Event> events = new ArrayList<>();
    List<Job> delete = new ArrayList<>();
    trackActive(cj, jobs, status, events);
    history(jobs, spec.successfulJobsHistoryLimit, true, delete);
    history(jobs, spec.failedJobsHistoryLimit, false, delete);
    if (Boolean.TRUE.equals(spec.suspend) || cj.meta().deletionTimestamp != null) {
      return new Plan(null, delete, status, null, events);
    }
    ZoneId zone;
    CronSchedule schedule;
    try {
      zone = spec.timeZone == null ? ZoneOffset.UTC : ZoneId.of(spec.timeZone);
    } catch (RuntimeException e) {
      events.add(new Event(true, "UnknownTimeZone", "invalid timeZone: \"" + spec.timeZone + "\""));
      return new Plan(null, delete, status, null, events);
    }
    try {
      schedule = CronSchedule.parse(spec.schedule);
    } catch (IllegalArgumentException e) {
      events.add(
          new Event(
              true,
              "UnparseableSchedule",
              "unparseable schedule: \"" + spec.schedule + "\" : " + e.getMessage()));
      return new Plan(null, delete, status, null, events);
    }
    Instant earliest =
        Times.parse(
            status.lastScheduleTime != null
                ? status.lastScheduleTime
                : cj.meta().creationTimestamp);
    if (earliest == null) {
      earliest = now;
    }
    if (spec.startingDeadlineSeconds != null) {
      Instant deadline = now.minusSeconds(spec.startingDeadlineSeconds);
      if (deadline.isAfter(earliest)) {
        earliest = deadline;
      }
    }
    ScheduleTimes.Recent recent = ScheduleTimes.mostRecent(schedule, zone, earliest, now);
    Duration requeue =
        recent.next() == null ? null : Duration.between(now, recent.next()).plusMillis(100);
    Instant scheduled = recent.latest();
    if (scheduled == null) {
      return new Plan(null, delete, status, requeue, events);
    }
    if (recent.missed() > ScheduleTimes.TOO_MANY_MISSED) {
      events.add(
          new Event(
              true,
              "TooManyMissedTimes",
              "too many missed start times: "
                  + recent.missed()
                  + ". Set or decrease .spec.startingDeadlineSeconds or check clock skew"));
    }
    if (spec.startingDeadlineSeconds != null
        && scheduled.plusSeconds(spec.startingDeadlineSeconds).isBefore(now)) {
      events.add(
          new Event(
              true,
              "MissSchedule",
              "Missed scheduled time to start a job: "
                  + scheduled.atZone(ZoneOffset.UTC).format(RFC3339)));
      return new Plan(null, delete, status, requeue, events);
    }
    String name = jobName(cj, scheduled);
    if (jobs.stream().anyMatch(j -> name.equals(j.meta().name))
        || (status.active != null && status.active.stream().anyMatch(r -> name.equals(r.name)))) {
      return new Plan(null, delete, status, requeue, events);
    }
    boolean running = status.active != null && !status.active.isEmpty();
    String policy = Objects.requireNonNullElse(spec.concurrencyPolicy, "Allow");
    if (running && policy.equals("Forbid")) {
      events.add(
          new Event(
              false,
              "JobAlreadyActive",
              "Not starting job because prior execution is running and concurrency policy is"
                  + " Forbid"));
      return new Plan(null, delete, status, requeue, events);
    }
    if (running && policy.equals("Replace")) {
      for (ObjectReference ref : status.active) {
        jobs.stream()
            .filter(j -> j.meta().name.equals(ref.name))
            .findFirst()
            .ifPresent(delete::add);
      }
      status.active = new ArrayList<>();
    }
    status.lastScheduleTime = Times.time(scheduled);
    return new Plan(jobFor(cj, scheduled, zone), delete, status, requeue, events);
  }

  /** {@code <cronjob>-<minutes since the epoch>}, as getJobFromTemplate2 names it. */
  public static String jobName(CronJob cj, Instant scheduled) {
    return cj.meta().name + "-" + scheduled.getEpochSecond() / 60;
  }

  /** The Job for a scheduled time: the template's labels, annotations and spec, owned by cj. */
  public static Job jobFor(CronJob cj, Instant scheduled, ZoneId zone) {
    Job job = new Job();
    job.meta().name = jobName(cj, scheduled);
    job.meta().namespace = cj.meta().namespace;
    var template = cj.spec().jobTemplate;
    if (template != null && template.metadata != null) {
      if (template.metadata.labels != null) {
        job.meta().labels = new LinkedHashMap<>(template.metadata.labels);
      }
      if (template.metadata.annotations != null) {
        job.meta().annotations = new LinkedHashMap<>(template.metadata.annotations);
      }
    }
    if (job.meta().annotations == null) {
      job.meta().annotations = new LinkedHashMap<>();
    }
    job.meta().annotations.put(SCHEDULED_TIMESTAMP, scheduled.atZone(zone).format(RFC3339));
    job.meta().ownerReferences = Owners.listOf(Owners.controllerRef(cj));
    job.spec =
        template == null || template.spec == null
            ? new JobSpec()
            : Json.copy(template.spec, JobSpec.class);
    return job;
  }

  /** A reference for status.active. */
  public static ObjectReference reference(Job job) {
    ObjectReference ref = new ObjectReference();
    ref.kind = Job.KIND;
    ref.namespace = job.meta().namespace;
    ref.name = job.meta().name;
    ref.uid = job.meta().uid;
    ref.apiVersion = Job.API_VERSION;
    ref.resourceVersion = job.meta().resourceVersion;
    return ref;
  }

  /** status.active holds the unfinished Jobs; finished ones leave it and set lastSuccessfulTime. */
  private static void trackActive(
      CronJob cj, List<Job> jobs, CronJobStatus status, List<Event> events) {
    List<ObjectReference> active = new ArrayList<>();
    List<ObjectReference> before = status.active == null ? List.of() : status.active;
    for (Job job : jobs) {
      boolean wasActive = before.stream().anyMatch(r -> Objects.equals(r.uid, job.meta().uid));
      String finished = finishedType(job);
      if (finished == null) {
        active.add(
            wasActive
                ? before.stream()
                    .filter(r -> Objects.equals(r.uid, job.meta().uid))
                    .findFirst()
                    .orElseThrow()
                : reference(job));
        continue;
      }
      if (wasActive) {
        events.add(
            new Event(
                false,
                "SawCompletedJob",
                "Saw completed job: " + job.meta().name + ", condition: " + finished));
      }
      if (finished.equals("Complete") && job.status != null && job.status.completionTime != null) {
        Instant done = Times.parse(job.status.completionTime);
        Instant last = Times.parse(status.lastSuccessfulTime);
        if (done != null && (last == null || done.isAfter(last))) {
          status.lastSuccessfulTime = job.status.completionTime;
        }
      }
    }
    for (ObjectReference ref : before) {
      if (jobs.stream().noneMatch(j -> Objects.equals(j.meta().uid, ref.uid))) {
        events.add(new Event(false, "MissingJob", "Active job went missing: " + ref.name));
      }
    }
    status.active = active.isEmpty() ? null : active;
  }

  /** Deletes the oldest finished Jobs (successful or failed) beyond the limit. */
  private static void history(List<Job> jobs, Integer limit, boolean successful, List<Job> delete) {
    if (limit == null) {
      return;
    }
    String type = successful ? "Complete" : "Failed";
    List<Job> finished =
        new ArrayList<>(jobs.stream().filter(j -> type.equals(finishedType(j))).toList());
    if (finished.size() <= limit) {
      return;
    }
    finished.sort(
        Comparator.comparing(
            (Job j) ->
                j.status != null && j.status.startTime != null
                    ? j.status.startTime
                    : Objects.requireNonNullElse(j.meta().creationTimestamp, "")));
    delete.addAll(finished.subList(0, finished.size() - limit));
  }

  /** "Complete" or "Failed" for a finished Job, else null. */
  static String finishedType(Job job) {
    if (job.status == null || job.status.conditions == null) {
      return null;
    }
    for (JobCondition c : job.status.conditions) {
      if (("Complete".equals(c.type) || "Failed".equals(c.type)) && "True".equals(c.status)) {
        return c.type;
      }
    }
    return null;
  }

  public static boolean changed(CronJobStatus current, CronJobStatus next) {
    return !SameJson.same(current == null ? new CronJobStatus() : current, next);
  }
}

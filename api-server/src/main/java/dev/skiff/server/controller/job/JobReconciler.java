package dev.skiff.server.controller.job;

import dev.skiff.api.Json;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.batch.JobCondition;
import dev.skiff.api.model.batch.JobSpec;
import dev.skiff.api.model.batch.JobStatus;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.controller.replicaset.PodStates;
import dev.skiff.server.controller.support.SameJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a Job needs, pure: given the Job, the pods it controls and the time, which pods to create
 * (by completion index for an Indexed Job) or delete, the status to write, whether its TTL after
 * finishing has run out, the events to record and when to look again. Follows Kubernetes' Job
 * controller: pods up to parallelism until completions succeeded; failed pods (and container
 * restarts under OnFailure) counted against backoffLimit, with exponential back-off between
 * replacements; activeDeadlineSeconds; suspend; conditions SuccessCriteriaMet then Complete, or
 * FailureTarget then Failed once no pod is left running. Counts come from the pods and never go
 * down (pods are not held by the job-tracking finalizer, so a deleted finished pod is still
 * counted). podFailurePolicy, successPolicy and backoffLimitPerIndex are not implemented.
 */
public final class JobReconciler {
  public static final int BURST = 500;

  private JobReconciler() {}

  /** The back-off between pod replacements after failures: base doubling up to max. */
  public record Options(Duration backoffBase, Duration backoffMax) {
    public static final Options DEFAULT =
        new Options(Duration.ofSeconds(10), Duration.ofMinutes(6));
  }

  /** An event to record on the Job. */
  public record Event(boolean warning, String reason, String message) {}

  /**
   * The writes of one pass.
   *
   * @param create completion indexes of the pods to create (-1 each for a NonIndexed Job)
   * @param requeueAfter when to reconcile again without an event (a deadline, back-off or TTL), or
   *     null
   */
  public record Plan(
      List<Integer> create,
      List<Pod> delete,
      JobStatus status,
      boolean deleteJob,
      Duration requeueAfter,
      List<Event> events) {}

  public static Plan plan(Job job, List<Pod> pods, Instant now, Options options) {
    return new Pass(job, pods, now, options).run();
  }

  /** One reconciliation, its inputs and what it decided so far. */
  private static final class Pass {
    private final Job job;
    private final JobSpec spec;
    private final Instant now;
    private final Options options;
    private final JobStatus status;
    private final List<Pod> active = new ArrayList<>();
    private final List<Pod> failedPods = new ArrayList<>();
    private final List<Pod> succeededPods = new ArrayList<>();
    private final List<Integer> create = new ArrayList<>();
    private final List<Pod> delete = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private int terminating;
    private Duration requeue;

    Pass(Job job, List<Pod> pods, Instant now, Options options) {
      this.job = job;
      this.spec = job.spec();
      this.now = now;
      this.options = options;
      this.status = job.status == null ? new JobStatus() : Json.copy(job.status, JobStatus.class);
      for (Pod p : pods) {
        if (JobPods.succeeded(p)) {
          succeededPods.add(p);
        } else if (JobPods.failed(p)) {
          failedPods.add(p);
        } else if (PodStates.isActive(p)) {
          active.add(p);
        } else {
          terminating++;
        }
      }
    }

    Plan run() {
      boolean indexed = "Indexed".equals(spec.completionMode);
      TreeSet<Integer> succeededIndexes = succeededIndexes();
      int succeeded =
          Math.max(
              orZero(status.succeeded), indexed ? succeededIndexes.size() : succeededPods.size());
      int failed = Math.max(orZero(status.failed), failedPods.size());
      if (!finished()) {
        progress(indexed, succeededIndexes, succeeded, failed);
      }
      status.succeeded = succeeded == 0 ? null : succeeded;
      status.failed = failed == 0 ? null : failed;
      status.active = nullIfZero(active.size() - delete.size() + create.size());
      status.ready =
          (int) active.stream().filter(p -> !delete.contains(p)).filter(PodStates::isReady).count();
      status.terminating = terminating;
      if (indexed) {
        status.completedIndexes = succeededIndexes.isEmpty() ? null : ranges(succeededIndexes);
      }
      boolean deleteJob = ttlExpired();
      return new Plan(create, delete, status, deleteJob, requeue, events);
    }

    private boolean finished() {
      return JobConditions.isTrue(status, JobConditions.COMPLETE)
          || JobConditions.isTrue(status, JobConditions.FAILED);
    }

    private void progress(
        boolean indexed, TreeSet<Integer> succeededIndexes, int succeeded, int failed) {
      if (Boolean.TRUE.equals(spec.suspend)) {
        suspend();
        return;
      }
      if (JobConditions.isTrue(status, JobConditions.SUSPENDED)) {
        JobConditions.set(
            status, JobConditions.SUSPENDED, "False", "JobResumed", "Job resumed", now);
        events.add(new Event(false, "Resumed", "Job resumed"));
      }
      if (status.startTime == null) {
        status.startTime = Times.time(now);
      }
      JobCondition failing = JobConditions.find(status, JobConditions.FAILURE_TARGET);
      if (failing == null) {
        failing = failure(failed);
      }
      if (failing != null) {
        stopAll();
        if (active.isEmpty() && terminating == 0) {
          JobConditions.set(
              status, JobConditions.FAILED, "True", failing.reason, failing.message, now);
        }
        return;
      }
      int completions = spec.completions == null ? -1 : spec.completions;
      boolean complete =
          completions >= 0 ? succeeded >= completions : succeeded > 0 && active.isEmpty();
      if (complete) {
        if (JobConditions.set(
            status,
            JobConditions.SUCCESS_CRITERIA_MET,
            "True",
            "CompletionsReached",
            "Reached expected number of succeeded pods",
            now)) {
          events.add(new Event(false, "Completed", "Job completed"));
        }
        stopAll();
        if (active.isEmpty() && terminating == 0) {
          JobConditions.set(
              status,
              JobConditions.COMPLETE,
              "True",
              "CompletionsReached",
              "Reached expected number of succeeded pods",
              now);
          status.completionTime = Times.time(now);
        }
        return;
      }
      if (indexed) {
        scaleIndexed(succeededIndexes, completions);
      } else {
        int parallelism = orZero(spec.parallelism);
        int want =
            completions >= 0
                ? Math.min(parallelism, completions - succeeded)
                : succeeded > 0 ? active.size() : parallelism;
        scale(Math.max(want, 0));
      }
    }

    /** FailureTarget reached now (backoff limit or deadline), or null. */
    private JobCondition failure(int failed) {
      int failures = failed;
      if ("OnFailure".equals(restartPolicy())) {
        failures += active.stream().mapToInt(JobPods::restarts).sum();
      }
      String reason = null;
      String message = null;
      if (failures > orZero(spec.backoffLimit)) {
        reason = "BackoffLimitExceeded";
        message = "Job has reached the specified backoff limit";
      } else if (spec.activeDeadlineSeconds != null && status.startTime != null) {
        Instant deadline = Times.parse(status.startTime).plusSeconds(spec.activeDeadlineSeconds);
        if (!now.isBefore(deadline)) {
          reason = "DeadlineExceeded";
          message = "Job was active longer than specified deadline";
        } else {
          requeueAt(deadline);
        }
      }
      if (reason == null) {
        return null;
      }
      JobConditions.set(status, JobConditions.FAILURE_TARGET, "True", reason, message, now);
      events.add(new Event(true, reason, message));
      return JobConditions.find(status, JobConditions.FAILURE_TARGET);
    }

    private void suspend() {
      stopAll();
      status.startTime = null;
      if (JobConditions.set(
          status, JobConditions.SUSPENDED, "True", "JobSuspended", "Job suspended", now)) {
        events.add(new Event(false, "Suspended", "Job suspended"));
      }
    }

    private void stopAll() {
      delete.addAll(active);
    }

    private void scale(int want) {
      if (active.size() > want) {
        List<Pod> sorted = new ArrayList<>(active);
        sorted.sort(PodStates.DELETE_FIRST);
        delete.addAll(sorted.subList(0, Math.min(active.size() - want, BURST)));
      } else if (active.size() < want && backoffOver()) {
        for (int i = 0; i < Math.min(want - active.size(), BURST); i++) {
          create.add(-1);
        }
      }
    }

    private void scaleIndexed(TreeSet<Integer> succeededIndexes, int completions) {
      TreeSet<Integer> running = new TreeSet<>();
      for (Pod p : active) {
        int index = JobPods.index(p);
        if (index < 0 || index >= completions || succeededIndexes.contains(index)) {
          delete.add(p);
        } else if (!running.add(index)) {
          delete.add(p);
        }
      }
      int room = orZero(spec.parallelism) - running.size();
      if (room <= 0 || !backoffOver()) {
        return;
      }
      for (int i = 0; i < completions && create.size() < Math.min(room, BURST); i++) {
        if (!succeededIndexes.contains(i) && !running.contains(i)) {
          create.add(i);
        }
      }
    }

    /** True when no failed pod's back-off delays a replacement; else requeues for its end. */
    private boolean backoffOver() {
      if (failedPods.isEmpty()) {
        return true;
      }
      Instant last = null;
      for (Pod p : failedPods) {
        Instant t = JobPods.finishedAt(p);
        if (t != null && (last == null || t.isAfter(last))) {
          last = t;
        }
      }
      if (last == null) {
        return true;
      }
      Duration delay = options.backoffBase();
      for (int i = 1; i < failedPods.size() && delay.compareTo(options.backoffMax()) < 0; i++) {
        delay = delay.multipliedBy(2);
      }
      if (delay.compareTo(options.backoffMax()) > 0) {
        delay = options.backoffMax();
      }
      Instant until = last.plus(delay);
      if (now.isBefore(until)) {
        requeueAt(until);
        return false;
      }
      return true;
    }

    private boolean ttlExpired() {
      if (spec.ttlSecondsAfterFinished == null) {
        return false;
      }
      Instant finishedAt = null;
      for (String type : List.of(JobConditions.COMPLETE, JobConditions.FAILED)) {
        JobCondition c = JobConditions.find(status, type);
        if (c != null && "True".equals(c.status)) {
          finishedAt = Times.parse(c.lastTransitionTime);
        }
      }
      if (finishedAt == null) {
        return false;
      }
      Instant expires = finishedAt.plusSeconds(spec.ttlSecondsAfterFinished);
      if (now.isBefore(expires)) {
        requeueAt(expires);
        return false;
      }
      return true;
    }

    private void requeueAt(Instant when) {
      Duration d = Duration.between(now, when);
      if (requeue == null || d.compareTo(requeue) < 0) {
        requeue = d;
      }
    }

    private TreeSet<Integer> succeededIndexes() {
      TreeSet<Integer> out = new TreeSet<>();
      int completions = spec.completions == null ? 0 : spec.completions;
      for (Pod p : succeededPods) {
        int index = JobPods.index(p);
        if (index >= 0 && index < completions) {
          out.add(index);
        }
      }
      return out;
    }

    private String restartPolicy() {
      return spec.template == null || spec.template.spec == null
          ? null
          : spec.template.spec.restartPolicy;
    }
  }

  /** "1,3-5,7": the completed indexes as Kubernetes writes them. */
  static String ranges(TreeSet<Integer> indexes) {
    StringBuilder out = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int i : indexes) {
      if (start != null && i == prev + 1) {
        prev = i;
        continue;
      }
      appendRange(out, start, prev);
      start = i;
      prev = i;
    }
    appendRange(out, start, prev);
    return out.toString();
  }

  private static void appendRange(StringBuilder out, Integer start, Integer end) {
    if (start == null) {
      return;
    }
    if (!out.isEmpty()) {
      out.append(',');
    }
    out.append(start);
    if (!end.equals(start)) {
      out.append('-').append(end);
    }
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static Integer nullIfZero(int i) {
    return i == 0 ? null : i;
  }

  /** Whether two statuses differ in what the controller writes. */
  public static boolean changed(JobStatus current, JobStatus next) {
    return !SameJson.same(current == null ? new JobStatus() : current, next);
  }
}

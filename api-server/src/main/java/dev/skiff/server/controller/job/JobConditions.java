package dev.skiff.server.controller.job;

import dev.skiff.api.model.batch.JobCondition;
import dev.skiff.api.model.batch.JobStatus;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;
import java.util.ArrayList;

/** The Job's status conditions: read, and set the way the Job controller does. */
final class JobConditions {
  static final String COMPLETE = "Complete";
  static final String FAILED = "Failed";
  static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
  static final String FAILURE_TARGET = "FailureTarget";
  static final String SUSPENDED = "Suspended";

  private JobConditions() {}

  static JobCondition find(JobStatus status, String type) {
    if (status == null || status.conditions == null) {
      return null;
    }
    for (JobCondition c : status.conditions) {
      if (type.equals(c.type)) {
        return c;
      }
    }
    return null;
  }

  static boolean isTrue(JobStatus status, String type) {
    JobCondition c = find(status, type);
    return c != null && "True".equals(c.status);
  }

  /**
   * Sets a condition; a new status value gets new probe and transition times, the same value keeps
   * the condition as it is.
   *
   * @return whether it changed
   */
  static boolean set(
      JobStatus status, String type, String value, String reason, String message, Instant now) {
    JobCondition c = find(status, type);
    if (c != null && value.equals(c.status)) {
      return false;
    }
    if (c == null) {
      c = new JobCondition();
      c.type = type;
      if (status.conditions == null) {
        status.conditions = new ArrayList<>();
      }
      status.conditions.add(c);
    }
    c.status = value;
    c.reason = reason;
    c.message = message;
    c.lastProbeTime = Times.time(now);
    c.lastTransitionTime = Times.time(now);
    return true;
  }
}

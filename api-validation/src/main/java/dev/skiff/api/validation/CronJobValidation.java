package dev.skiff.api.validation;

import dev.skiff.api.cron.CronSchedule;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.CronJobSpec;
import dev.skiff.api.model.batch.JobSpec;
import dev.skiff.api.model.batch.JobTemplateSpec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * batch/v1 ValidateCronJobCreate/Update: name length (the Job name adds 11 characters), schedule
 * (robfig/cron's messages, no TZ or CRON_TZ prefix), timeZone (IANA), concurrencyPolicy, history
 * limits and the job template.
 */
public final class CronJobValidation {
  private static final Pattern TZ_PART = Pattern.compile("[A-Za-z._+\\-0-9]+");

  private CronJobValidation() {}

  public static void validate(CronJob cj, ErrorList errs) {
    FieldPath meta = FieldPath.root("metadata");
    ObjectMetaValidation.validate(cj.metadata, true, NameRule.DNS1123_SUBDOMAIN, meta, errs);
    String name = cj.meta().name;
    if (name != null && name.length() > 52) {
      errs.invalid(meta.child("name"), name, "must be no more than 52 characters");
    }
    CronJobSpec s = cj.spec == null ? new CronJobSpec() : cj.spec;
    FieldPath spec = FieldPath.root("spec");
    if (s.schedule == null || s.schedule.isEmpty()) {
      errs.required(spec.child("schedule"), "");
    } else {
      schedule(s.schedule, spec.child("schedule"), errs);
    }
    timeZone(s.timeZone, spec.child("timeZone"), errs);
    PortRules.nonNegative(s.startingDeadlineSeconds, spec.child("startingDeadlineSeconds"), errs);
    if (s.concurrencyPolicy == null || s.concurrencyPolicy.isEmpty()) {
      errs.required(spec.child("concurrencyPolicy"), "");
    } else {
      PortRules.oneOf(
          s.concurrencyPolicy,
          List.of("Allow", "Forbid", "Replace"),
          spec.child("concurrencyPolicy"),
          errs);
    }
    PortRules.nonNegative(
        s.successfulJobsHistoryLimit, spec.child("successfulJobsHistoryLimit"), errs);
    PortRules.nonNegative(s.failedJobsHistoryLimit, spec.child("failedJobsHistoryLimit"), errs);
    jobTemplate(s.jobTemplate, spec.child("jobTemplate"), errs);
  }

  static void validateUpdate(CronJob cj, CronJob old, ErrorList errs) {
    // Every spec field of a CronJob may change; the create rules run on the new object.
  }

  private static void schedule(String schedule, FieldPath path, ErrorList errs) {
    try {
      CronSchedule.parse(schedule);
    } catch (IllegalArgumentException e) {
      errs.invalid(path, schedule, e.getMessage());
    }
    if (schedule.contains("TZ")) {
      errs.invalid(
          path, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
    }
  }

  private static void timeZone(String tz, FieldPath path, ErrorList errs) {
    if (tz == null) {
      return;
    }
    if (tz.isEmpty()) {
      errs.invalid(path, tz, "timeZone must be nil or non-empty string");
      return;
    }
    for (String part : tz.split("/", -1)) {
      if (part.equals(".")
          || part.equals("..")
          || part.startsWith("-")
          || !TZ_PART.matcher(part).matches()) {
        errs.invalid(path, tz, "unknown time zone " + tz);
        return;
      }
    }
    if (tz.equalsIgnoreCase("Local")) {
      errs.invalid(
          path,
          tz,
          "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
      return;
    }
    if (!validZone(tz)) {
      errs.invalid(path, tz, "unknown time zone " + tz);
    }
  }

  /** An IANA region id (or UTC), as Go's time.LoadLocation knows them; no offsets like +01:00. */
  public static boolean validZone(String tz) {
    if (tz.equals("UTC")) {
      return true;
    }
    try {
      return ZoneId.getAvailableZoneIds().contains(tz) && ZoneId.of(tz) != null;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void jobTemplate(JobTemplateSpec t, FieldPath path, ErrorList errs) {
    JobSpec s = t == null || t.spec == null ? new JobSpec() : t.spec;
    FieldPath spec = path.child("spec");
    if (t != null && t.metadata != null) {
      ObjectMetaValidation.validateLabels(
          t.metadata.labels, path.child("metadata", "labels"), errs);
      ObjectMetaValidation.validateAnnotations(
          t.metadata.annotations, path.child("metadata", "annotations"), errs);
    }
    if (s.selector != null) {
      errs.invalid(spec.child("selector"), s.selector, "`selector` will be auto-generated");
    }
    if (Boolean.TRUE.equals(s.manualSelector)) {
      errs.notSupported(spec.child("manualSelector"), true, List.of("nil", "false"));
    }
    JobValidation.spec(s, spec, errs);
  }
}

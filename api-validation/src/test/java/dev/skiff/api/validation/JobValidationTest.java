package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static dev.skiff.api.validation.Cases.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.defaults.Defaults;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Job and CronJob: defaults, the generated selector, Kubernetes' paths and messages. */
class JobValidationTest {
  static final String UID = "0f3c2a8e-6c1d-4b5e-9a77-3f1e2d4c5b6a";
  static final String JOB =
      """
      {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"default"},
       "spec":{"template":{"spec":{"restartPolicy":"Never",
               "containers":[{"name":"pi","image":"perl:5.34","command":["perl","-e","print 1"]}]}}}}
      """;
  static final String CRONJOB =
      """
      {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"hello","namespace":"default"},
       "spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{
               "restartPolicy":"OnFailure","containers":[{"name":"c","image":"busybox"}]}}}}}}
      """;

  /** A Job as the server has it after create defaulting: uid, generated selector and labels. */
  static Job created() {
    Job job = Json.parse(JOB, Job.class);
    job.meta().uid = UID;
    Defaults.applyOnCreate(job);
    return job;
  }

  static CronJob cronJob() {
    return Cases.parse(CRONJOB, CronJob.class);
  }

  @Test
  void defaultsAndGeneratesTheSelectorAsKubernetes() {
    Job job = created();
    assertThat(Validation.validate(job, null)).isEmpty();
    assertThat(job.spec.completions).isEqualTo(1);
    assertThat(job.spec.parallelism).isEqualTo(1);
    assertThat(job.spec.backoffLimit).isEqualTo(6);
    assertThat(job.spec.completionMode).isEqualTo("NonIndexed");
    assertThat(job.spec.manualSelector).isFalse();
    assertThat(job.spec.suspend).isFalse();
    assertThat(job.spec.podReplacementPolicy).isEqualTo("TerminatingOrFailed");
    assertThat(job.spec.selector.matchLabels)
        .containsExactly(Map.entry("batch.kubernetes.io/controller-uid", UID));
    assertThat(job.spec.template.metadata.labels)
        .containsOnly(
            Map.entry("batch.kubernetes.io/controller-uid", UID),
            Map.entry("batch.kubernetes.io/job-name", "pi"),
            Map.entry("controller-uid", UID),
            Map.entry("job-name", "pi"));
  }

  @Test
  void workQueueJobKeepsCompletionsUnset() {
    Job job = Json.parse(JOB, Job.class);
    job.spec.parallelism = 3;
    Defaults.apply(job);
    assertThat(job.spec.completions).isNull();
    assertThat(job.spec.parallelism).isEqualTo(3);
  }

  static Stream<Arguments> jobRules() {
    return Stream.of(
        row(
            "restartPolicy defaulted to Always",
            (Job j) -> j.spec.template.spec.restartPolicy = "Always",
            cause(
                "spec.template.spec.restartPolicy",
                "FieldValueRequired",
                "Required value: valid values: \"OnFailure\", \"Never\"")),
        row(
            "negative counts",
            (Job j) -> {
              j.spec.parallelism = -1;
              j.spec.backoffLimit = -2;
              j.spec.activeDeadlineSeconds = -3L;
              j.spec.ttlSecondsAfterFinished = -4;
            },
            cause(
                "spec.parallelism",
                "FieldValueInvalid",
                "Invalid value: -1: must be greater than or equal to 0"),
            cause(
                "spec.activeDeadlineSeconds",
                "FieldValueInvalid",
                "Invalid value: -3: must be greater than or equal to 0"),
            cause(
                "spec.backoffLimit",
                "FieldValueInvalid",
                "Invalid value: -2: must be greater than or equal to 0"),
            cause(
                "spec.ttlSecondsAfterFinished",
                "FieldValueInvalid",
                "Invalid value: -4: must be greater than or equal to 0")),
        row(
            "completion mode",
            (Job j) -> j.spec.completionMode = "Sometimes",
            cause(
                "spec.completionMode",
                "FieldValueNotSupported",
                "Unsupported value: \"Sometimes\": supported values: \"NonIndexed\", \"Indexed\"")),
        row(
            "Indexed needs completions",
            (Job j) -> {
              j.spec.completionMode = "Indexed";
              j.spec.completions = null;
            },
            cause(
                "spec.completions",
                "FieldValueRequired",
                "Required value: when completion mode is Indexed")),
        row(
            "a selector of our own without manualSelector",
            (Job j) -> j.spec.selector = new LabelSelector(Map.of("job-name", "other")),
            cause(
                "spec.selector",
                "FieldValueInvalid",
                "Invalid value: {\"matchLabels\":{\"job-name\":\"other\"}}: `selector` not"
                    + " auto-generated"),
            cause(
                "spec.template.metadata.labels",
                "FieldValueInvalid",
                "Invalid value: {\"batch.kubernetes.io/controller-uid\":\""
                    + UID
                    + "\",\"batch.kubernetes.io/job-name\":\"pi\",\"controller-uid\":\""
                    + UID
                    + "\",\"job-name\":\"pi\"}: `selector` does not match template `labels`")),
        row(
            "manualSelector with a selector that misses the template",
            (Job j) -> {
              j.spec.manualSelector = true;
              j.spec.selector = new LabelSelector(Map.of("app", "x"));
            },
            cause(
                "spec.template.metadata.labels",
                "FieldValueInvalid",
                "Invalid value: {\"batch.kubernetes.io/controller-uid\":\""
                    + UID
                    + "\",\"batch.kubernetes.io/job-name\":\"pi\",\"controller-uid\":\""
                    + UID
                    + "\",\"job-name\":\"pi\"}: `selector` does not match template `labels`")),
        row(
            "job-name label changed",
            (Job j) -> j.spec.template.metadata.labels.put("job-name", "other"),
            cause(
                "spec.template.metadata.labels[job-name]",
                "FieldValueInvalid",
                "Invalid value: {\"batch.kubernetes.io/controller-uid\":\""
                    + UID
                    + "\",\"batch.kubernetes.io/job-name\":\"pi\",\"controller-uid\":\""
                    + UID
                    + "\",\"job-name\":\"other\"}: must be 'pi'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobRules")
  void reportsJobRules(String name, Consumer<Job> change, List<StatusCause> expected) {
    Job job = created();
    change.accept(job);
    Cases.assertCauses(Validation.validate(job, null), expected);
  }

  @Test
  void templateSelectorAndCompletionsAreImmutableButParallelismIsNot() {
    Job old = created();
    Job scaled = Cases.copy(old);
    scaled.spec.parallelism = 5;
    scaled.spec.backoffLimit = 2;
    assertThat(Validation.validate(scaled, old)).isEmpty();

    Job changed = Cases.copy(old);
    changed.spec.completions = 3;
    changed.spec.template.spec.containers.get(0).image = "perl:5.36";
    assertThat(Validation.validate(changed, old))
        .extracting(c -> c.field + ": " + c.message)
        .containsExactly(
            "spec.completions: Invalid value: 3: field is immutable",
            "spec.template: Invalid value: "
                + Json.mapper().valueToTree(changed.spec.template)
                + ": field is immutable");
  }

  @Test
  void acceptsCronJobAndDefaultsIt() {
    CronJob cj = cronJob();
    assertThat(Validation.validate(cj, null)).isEmpty();
    assertThat(cj.spec.concurrencyPolicy).isEqualTo("Allow");
    assertThat(cj.spec.suspend).isFalse();
    assertThat(cj.spec.successfulJobsHistoryLimit).isEqualTo(3);
    assertThat(cj.spec.failedJobsHistoryLimit).isEqualTo(1);
  }

  static Stream<Arguments> cronJobRules() {
    return Stream.of(
        row(
            "schedule required",
            (CronJob c) -> c.spec.schedule = "",
            cause("spec.schedule", "FieldValueRequired", "Required value")),
        row(
            "schedule out of range",
            (CronJob c) -> c.spec.schedule = "0 24 * * *",
            cause(
                "spec.schedule",
                "FieldValueInvalid",
                "Invalid value: \"0 24 * * *\": end of range (24) above maximum (23): 24")),
        row(
            "schedule field count",
            (CronJob c) -> c.spec.schedule = "* * *",
            cause(
                "spec.schedule",
                "FieldValueInvalid",
                "Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *]")),
        row(
            "CRON_TZ refused",
            (CronJob c) -> c.spec.schedule = "CRON_TZ=UTC 0 0 * * *",
            cause(
                "spec.schedule",
                "FieldValueInvalid",
                "Invalid value: \"CRON_TZ=UTC 0 0 * * *\": expected exactly 5 fields, found 6:"
                    + " [CRON_TZ=UTC 0 0 * * *]"),
            cause(
                "spec.schedule",
                "FieldValueInvalid",
                "Invalid value: \"CRON_TZ=UTC 0 0 * * *\": cannot use TZ or CRON_TZ in schedule,"
                    + " use timeZone field instead")),
        row(
            "unknown time zone",
            (CronJob c) -> c.spec.timeZone = "Mars/Olympus",
            cause(
                "spec.timeZone",
                "FieldValueInvalid",
                "Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus")),
        row(
            "Local time zone",
            (CronJob c) -> c.spec.timeZone = "Local",
            cause(
                "spec.timeZone",
                "FieldValueInvalid",
                "Invalid value: \"Local\": timeZone must be an explicit time zone as defined in"
                    + " https://www.iana.org/time-zones")),
        row(
            "concurrency policy",
            (CronJob c) -> c.spec.concurrencyPolicy = "Sometimes",
            cause(
                "spec.concurrencyPolicy",
                "FieldValueNotSupported",
                "Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\","
                    + " \"Replace\"")),
        row(
            "name too long for its Jobs",
            (CronJob c) -> c.metadata.name = "a".repeat(53),
            cause(
                "metadata.name",
                "FieldValueInvalid",
                "Invalid value: \"" + "a".repeat(53) + "\": must be no more than 52 characters")),
        row(
            "job template restart policy",
            (CronJob c) -> c.spec.jobTemplate.spec.template.spec.restartPolicy = "Always",
            cause(
                "spec.jobTemplate.spec.template.spec.restartPolicy",
                "FieldValueRequired",
                "Required value: valid values: \"OnFailure\", \"Never\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cronJobRules")
  void reportsCronJobRules(String name, Consumer<CronJob> change, List<StatusCause> expected) {
    CronJob cj = cronJob();
    change.accept(cj);
    Cases.assertCauses(Validation.validate(cj, null), expected);
  }

  @Test
  void acceptsIanaZonesAndMacros() {
    CronJob cj = cronJob();
    cj.spec.timeZone = "Europe/Berlin";
    cj.spec.schedule = "@hourly";
    assertThat(Validation.validate(cj, null)).isEmpty();
    cj.spec.timeZone = "Etc/UTC";
    cj.spec.schedule = "0 9 * jan-mar mon-fri";
    assertThat(Validation.validate(cj, null)).isEmpty();
  }
}

package dev.skiff.api.validation;

import dev.skiff.api.Json;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.batch.JobSpec;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.selector.Selector;
import dev.skiff.api.status.StatusException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * batch/v1 ValidateJob and ValidateJobUpdate: counts, completion mode, the generated selector and
 * its labels, the pod template (restartPolicy OnFailure or Never), immutable fields.
 * podFailurePolicy and successPolicy are stored but not checked.
 */
public final class JobValidation {
  static final List<String> RESTART_POLICIES = List.of("OnFailure", "Never");
  private static final String IMMUTABLE = "field is immutable";

  private JobValidation() {}

  public static void validate(Job job, ErrorList errs) {
    ObjectMetaValidation.validate(
        job.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    JobSpec s = job.spec == null ? new JobSpec() : job.spec;
    generatedSelector(job, s, errs);
    spec(s, FieldPath.root("spec"), errs);
    FieldPath spec = FieldPath.root("spec");
    FieldPath sel = spec.child("selector");
    if (s.selector == null) {
      errs.required(sel, "");
    } else {
      LabelSelectorValidation.validate(s.selector, sel, errs);
    }
    Map<String, String> labels =
        s.template == null || s.template.metadata == null ? null : s.template.metadata.labels;
    Selector parsed = parse(s.selector);
    if (parsed != null && !parsed.matches(labels)) {
      errs.invalid(
          spec.child("template", "metadata", "labels"),
          labels == null ? Map.of() : labels,
          "`selector` does not match template `labels`");
    }
  }

  /** validateJobSpec: what a Job and a CronJob's job template share. */
  static void spec(JobSpec s, FieldPath path, ErrorList errs) {
    PortRules.nonNegative(s.parallelism, path.child("parallelism"), errs);
    PortRules.nonNegative(s.completions, path.child("completions"), errs);
    PortRules.nonNegative(s.activeDeadlineSeconds, path.child("activeDeadlineSeconds"), errs);
    PortRules.nonNegative(s.backoffLimit, path.child("backoffLimit"), errs);
    PortRules.nonNegative(s.ttlSecondsAfterFinished, path.child("ttlSecondsAfterFinished"), errs);
    if (s.completionMode != null) {
      PortRules.oneOf(
          s.completionMode, List.of("NonIndexed", "Indexed"), path.child("completionMode"), errs);
      if (s.completionMode.equals("Indexed") && s.completions == null) {
        errs.required(path.child("completions"), "when completion mode is Indexed");
      }
    }
    PortRules.oneOf(
        s.podReplacementPolicy,
        List.of("Failed", "TerminatingOrFailed"),
        path.child("podReplacementPolicy"),
        errs);
    FieldPath tpl = path.child("template");
    PodTemplateSpec template = s.template == null ? new PodTemplateSpec() : s.template;
    PodValidation.validateTemplate(template, tpl, errs);
    String restart = template.spec == null ? null : template.spec.restartPolicy;
    if (restart == null || restart.isEmpty() || restart.equals("Always")) {
      errs.required(tpl.child("spec", "restartPolicy"), "valid values: \"OnFailure\", \"Never\"");
    } else if (!RESTART_POLICIES.contains(restart)) {
      errs.notSupported(tpl.child("spec", "restartPolicy"), restart, RESTART_POLICIES);
    }
  }

  /** validateGeneratedSelector: without manualSelector the template carries the uid and name. */
  private static void generatedSelector(Job job, JobSpec s, ErrorList errs) {
    if (Boolean.TRUE.equals(s.manualSelector) || s.selector == null) {
      return;
    }
    String uid = job.meta().uid;
    if (uid == null || uid.isEmpty()) {
      errs.required(FieldPath.root("metadata", "uid"), "");
    }
    FieldPath labelsPath = FieldPath.root("spec", "template", "metadata", "labels");
    Map<String, String> labels =
        s.template == null || s.template.metadata == null || s.template.metadata.labels == null
            ? Map.of()
            : s.template.metadata.labels;
    Map<String, String> expected =
        Map.of(
            Job.LEGACY_CONTROLLER_UID_LABEL, Objects.toString(uid, ""),
            Job.LEGACY_JOB_NAME_LABEL, Objects.toString(job.meta().name, ""),
            Job.CONTROLLER_UID_LABEL, Objects.toString(uid, ""),
            Job.JOB_NAME_LABEL, Objects.toString(job.meta().name, ""));
    for (String key :
        List.of(
            Job.LEGACY_CONTROLLER_UID_LABEL,
            Job.LEGACY_JOB_NAME_LABEL,
            Job.CONTROLLER_UID_LABEL,
            Job.JOB_NAME_LABEL)) {
      String actual = labels.get(key);
      if (actual == null) {
        errs.required(labelsPath.key(key), expected.get(key));
      } else if (!actual.equals(expected.get(key))) {
        errs.invalid(labelsPath.key(key), labels, "must be '" + expected.get(key) + "'");
      }
    }
    Selector parsed = parse(s.selector);
    if (parsed != null && !parsed.matches(expected)) {
      errs.invalid(FieldPath.root("spec", "selector"), s.selector, "`selector` not auto-generated");
    }
  }

  /** ValidateJobSpecUpdate: completions, selector, template and completion mode are fixed. */
  static void validateUpdate(Job job, Job old, ErrorList errs) {
    JobSpec s = job.spec == null ? new JobSpec() : job.spec;
    JobSpec o = old.spec == null ? new JobSpec() : old.spec;
    FieldPath spec = FieldPath.root("spec");
    immutable(s.completions, o.completions, spec.child("completions"), errs);
    immutable(s.selector, o.selector, spec.child("selector"), errs);
    immutable(s.template, o.template, spec.child("template"), errs);
    immutable(s.completionMode, o.completionMode, spec.child("completionMode"), errs);
  }

  private static void immutable(Object value, Object old, FieldPath path, ErrorList errs) {
    if (!Objects.equals(tree(value), tree(old))) {
      errs.invalid(path, value, IMMUTABLE);
    }
  }

  private static Selector parse(LabelSelector selector) {
    if (selector == null) {
      return null;
    }
    try {
      return Selector.from(selector);
    } catch (StatusException e) {
      return null;
    }
  }

  private static Object tree(Object o) {
    return o == null ? null : Json.mapper().valueToTree(o);
  }
}

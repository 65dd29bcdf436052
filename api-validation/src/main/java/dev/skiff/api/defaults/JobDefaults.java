package dev.skiff.api.defaults;

import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.CronJobSpec;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.batch.JobSpec;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.meta.ObjectMeta;
import java.util.LinkedHashMap;

/**
 * batch/v1 SetDefaults_Job and SetDefaults_CronJob, and the Job strategy's generated selector
 * (manualSelector unset or false: the {@code controller-uid} and {@code job-name} labels).
 */
final class JobDefaults {
  private JobDefaults() {}

  static void apply(Job job) {
    JobSpec s = job.spec();
    if (s.completions == null && s.parallelism == null) {
      s.completions = 1;
      s.parallelism = 1;
    } else if (s.parallelism == null) {
      s.parallelism = 1;
    }
    if (s.backoffLimit == null) {
      s.backoffLimit = 6;
    }
    if (s.completionMode == null) {
      s.completionMode = "NonIndexed";
    }
    if (s.suspend == null) {
      s.suspend = false;
    }
    if (s.manualSelector == null) {
      s.manualSelector = false;
    }
    if (s.podReplacementPolicy == null) {
      s.podReplacementPolicy = "TerminatingOrFailed";
    }
    template(s.template);
  }

  static void apply(CronJob cronJob) {
    CronJobSpec s = cronJob.spec();
    if (s.concurrencyPolicy == null || s.concurrencyPolicy.isEmpty()) {
      s.concurrencyPolicy = "Allow";
    }
    if (s.suspend == null) {
      s.suspend = false;
    }
    if (s.successfulJobsHistoryLimit == null) {
      s.successfulJobsHistoryLimit = 3;
    }
    if (s.failedJobsHistoryLimit == null) {
      s.failedJobsHistoryLimit = 1;
    }
    if (s.jobTemplate != null && s.jobTemplate.spec != null) {
      template(s.jobTemplate.spec.template);
    }
  }

  /** The Job strategy's PrepareForCreate: a selector on the Job's uid unless manualSelector. */
  static void generateSelector(Job job) {
    JobSpec s = job.spec();
    if (Boolean.TRUE.equals(s.manualSelector) || job.meta().uid == null) {
      return;
    }
    if (s.template == null) {
      s.template = new PodTemplateSpec();
    }
    if (s.template.metadata == null) {
      s.template.metadata = new ObjectMeta();
    }
    if (s.template.metadata.labels == null) {
      s.template.metadata.labels = new LinkedHashMap<>();
    }
    var labels = s.template.metadata.labels;
    labels.putIfAbsent(Job.CONTROLLER_UID_LABEL, job.meta().uid);
    labels.putIfAbsent(Job.JOB_NAME_LABEL, job.meta().name);
    labels.putIfAbsent(Job.LEGACY_CONTROLLER_UID_LABEL, job.meta().uid);
    labels.putIfAbsent(Job.LEGACY_JOB_NAME_LABEL, job.meta().name);
    if (s.selector == null) {
      s.selector = new LabelSelector();
    }
    if (s.selector.matchLabels == null) {
      s.selector.matchLabels = new LinkedHashMap<>();
    }
    s.selector.matchLabels.putIfAbsent(Job.CONTROLLER_UID_LABEL, job.meta().uid);
  }

  private static void template(PodTemplateSpec t) {
    if (t != null && t.spec != null) {
      PodDefaults.applySpec(t.spec);
    }
  }
}

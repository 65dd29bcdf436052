package dev.skiff.server.protobuf;

import static dev.skiff.server.protobuf.ConfigSchema.OBJECT_REFERENCE;
import static dev.skiff.server.protobuf.MetaSchema.LABEL_SELECTOR;
import static dev.skiff.server.protobuf.MetaSchema.OBJECT_META;
import static dev.skiff.server.protobuf.MetaSchema.TIME;
import static dev.skiff.server.protobuf.PodSchema.POD_TEMPLATE_SPEC;

/**
 * batch/v1 Job and CronJob (k8s.io/api/batch/v1 generated.proto), as {@code kubectl create job} and
 * {@code create cronjob} send them. podFailurePolicy and successPolicy are skipped.
 */
final class BatchSchema {
  private BatchSchema() {}

  static final Message JOB_SPEC =
      Message.named("JobSpec")
          .int32Ptr(1, "parallelism")
          .int32Ptr(2, "completions")
          .int64Ptr(3, "activeDeadlineSeconds")
          .int32Ptr(7, "backoffLimit")
          .int32Ptr(12, "backoffLimitPerIndex")
          .int32Ptr(13, "maxFailedIndexes")
          .messagePtr(4, "selector", LABEL_SELECTOR)
          .boolPtr(5, "manualSelector")
          .message(6, "template", POD_TEMPLATE_SPEC)
          .int32Ptr(8, "ttlSecondsAfterFinished")
          .stringPtr(9, "completionMode")
          .boolPtr(10, "suspend")
          .stringPtr(14, "podReplacementPolicy")
          .stringPtr(15, "managedBy");

  static final Message JOB_STATUS =
      Message.named("JobStatus")
          .messages(1, "conditions", PodStatusSchema.POD_CONDITION)
          .messagePtr(2, "startTime", TIME)
          .messagePtr(3, "completionTime", TIME)
          .int32(4, "active")
          .int32Ptr(11, "terminating")
          .int32Ptr(9, "ready")
          .int32(5, "succeeded")
          .int32(6, "failed")
          .string(7, "completedIndexes")
          .stringPtr(10, "failedIndexes");

  static final Message JOB =
      Message.named("Job")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", JOB_SPEC)
          .message(3, "status", JOB_STATUS);

  static final Message JOB_TEMPLATE_SPEC =
      Message.named("JobTemplateSpec")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", JOB_SPEC);

  static final Message CRON_JOB_SPEC =
      Message.named("CronJobSpec")
          .string(1, "schedule")
          .stringPtr(8, "timeZone")
          .int64Ptr(2, "startingDeadlineSeconds")
          .string(3, "concurrencyPolicy")
          .boolPtr(4, "suspend")
          .message(5, "jobTemplate", JOB_TEMPLATE_SPEC)
          .int32Ptr(6, "successfulJobsHistoryLimit")
          .int32Ptr(7, "failedJobsHistoryLimit");

  static final Message CRON_JOB_STATUS =
      Message.named("CronJobStatus")
          .messages(1, "active", OBJECT_REFERENCE)
          .messagePtr(4, "lastScheduleTime", TIME)
          .messagePtr(5, "lastSuccessfulTime", TIME);

  static final Message CRON_JOB =
      Message.named("CronJob")
          .message(1, "metadata", OBJECT_META)
          .message(2, "spec", CRON_JOB_SPEC)
          .message(3, "status", CRON_JOB_STATUS);
}

package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.KubeObject;

/** batch/v1 Job: pods run to completion. */
public class Job extends KubeObject {
  public static final String API_VERSION = "batch/v1";
  public static final String KIND = "Job";

  /** The selector label a generated selector uses: the Job's uid. */
  public static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";

  public static final String LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
  public static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  public static final String LEGACY_JOB_NAME_LABEL = "job-name";

  /** The completion index of a pod of an Indexed Job (annotation and label). */
  public static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

  public JobSpec spec;
  public JobStatus status;

  public Job() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public JobSpec spec() {
    if (spec == null) {
      spec = new JobSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public JobStatus status() {
    if (status == null) {
      status = new JobStatus();
    }
    return status;
  }
}

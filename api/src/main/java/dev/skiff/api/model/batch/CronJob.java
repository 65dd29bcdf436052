package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.KubeObject;

/** batch/v1 CronJob: Jobs on a schedule. */
public class CronJob extends KubeObject {
  public static final String API_VERSION = "batch/v1";
  public static final String KIND = "CronJob";

  public CronJobSpec spec;
  public CronJobStatus status;

  public CronJob() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public CronJobSpec spec() {
    if (spec == null) {
      spec = new CronJobSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public CronJobStatus status() {
    if (status == null) {
      status = new CronJobStatus();
    }
    return status;
  }
}

package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.Extensible;

/** batch/v1 CronJobSpec. */
public class CronJobSpec extends Extensible {
  public String schedule;
  public String timeZone;
  public Long startingDeadlineSeconds;
  public String concurrencyPolicy;
  public Boolean suspend;
  public JobTemplateSpec jobTemplate;
  public Integer successfulJobsHistoryLimit;
  public Integer failedJobsHistoryLimit;
}

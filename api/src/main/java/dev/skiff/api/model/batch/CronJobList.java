package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.KubeList;

/** batch/v1 CronJobList. */
public class CronJobList extends KubeList<CronJob> {
  public CronJobList() {
    apiVersion = CronJob.API_VERSION;
    kind = "CronJobList";
  }
}

package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.KubeList;

/** batch/v1 JobList. */
public class JobList extends KubeList<Job> {
  public JobList() {
    apiVersion = Job.API_VERSION;
    kind = "JobList";
  }
}

package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.ObjectMeta;

/** batch/v1 JobTemplateSpec: the Job a CronJob creates. */
public class JobTemplateSpec extends Extensible {
  public ObjectMeta metadata;
  public JobSpec spec;
}

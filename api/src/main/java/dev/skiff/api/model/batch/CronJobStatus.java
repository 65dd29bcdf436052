package dev.skiff.api.model.batch;

import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** batch/v1 CronJobStatus. */
public class CronJobStatus extends Extensible {
  public List<ObjectReference> active;
  public String lastScheduleTime;
  public String lastSuccessfulTime;
}

package dev.skiff.api.model.batch;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** batch/v1 JobStatus. */
public class JobStatus extends Extensible {
  public List<JobCondition> conditions;
  public String startTime;
  public String completionTime;
  public Integer active;
  public Integer succeeded;
  public Integer failed;
  public Integer terminating;
  public String completedIndexes;
  public Integer ready;
}

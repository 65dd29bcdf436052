package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** apps/v1 DaemonSetStatus. */
public class DaemonSetStatus extends Extensible {
  public Integer currentNumberScheduled;
  public Integer numberMisscheduled;
  public Integer desiredNumberScheduled;
  public Integer numberReady;
  public Long observedGeneration;
  public Integer updatedNumberScheduled;
  public Integer numberAvailable;
  public Integer numberUnavailable;
  public Integer collisionCount;
  public List<DaemonSetCondition> conditions;
}

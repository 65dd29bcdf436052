package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** apps/v1 StatefulSetStatus. */
public class StatefulSetStatus extends Extensible {
  public Long observedGeneration;
  public Integer replicas;
  public Integer readyReplicas;
  public Integer currentReplicas;
  public Integer updatedReplicas;
  public String currentRevision;
  public String updateRevision;
  public Integer collisionCount;
  public List<StatefulSetCondition> conditions;
  public Integer availableReplicas;
}

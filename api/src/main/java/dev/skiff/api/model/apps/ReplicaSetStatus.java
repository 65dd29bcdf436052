package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** apps/v1 ReplicaSetStatus. */
public class ReplicaSetStatus extends Extensible {
  public Integer replicas;
  public Integer fullyLabeledReplicas;
  public Integer readyReplicas;
  public Integer availableReplicas;
  public Integer terminatingReplicas;
  public Long observedGeneration;
  public List<ReplicaSetCondition> conditions;
}

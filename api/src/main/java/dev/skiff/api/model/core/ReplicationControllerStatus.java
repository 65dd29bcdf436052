package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 ReplicationControllerStatus. */
public class ReplicationControllerStatus extends Extensible {
  public Integer replicas;
  public Integer fullyLabeledReplicas;
  public Integer readyReplicas;
  public Integer availableReplicas;
  public Long observedGeneration;
  public List<ReplicationControllerCondition> conditions;
}

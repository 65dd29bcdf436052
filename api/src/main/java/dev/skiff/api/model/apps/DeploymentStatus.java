package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** apps/v1 DeploymentStatus. */
public class DeploymentStatus extends Extensible {
  public Long observedGeneration;
  public Integer replicas;
  public Integer updatedReplicas;
  public Integer readyReplicas;
  public Integer availableReplicas;
  public Integer unavailableReplicas;
  public Integer terminatingReplicas;
  public List<DeploymentCondition> conditions;
  public Integer collisionCount;
}

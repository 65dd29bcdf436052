package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;

/** apps/v1 DeploymentCondition (Available, Progressing, ReplicaFailure). */
public class DeploymentCondition extends Extensible {
  public String type;
  public String status;
  public String lastUpdateTime;
  public String lastTransitionTime;
  public String reason;
  public String message;
}

package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;

/** apps/v1 ReplicaSetCondition. */
public class ReplicaSetCondition extends Extensible {
  public String type;
  public String status;
  public String lastTransitionTime;
  public String reason;
  public String message;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ReplicationControllerCondition. */
public class ReplicationControllerCondition extends Extensible {
  public String type;
  public String status;
  public String lastTransitionTime;
  public String reason;
  public String message;
}

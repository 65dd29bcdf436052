package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PersistentVolumeClaimCondition. */
public class PersistentVolumeClaimCondition extends Extensible {
  public String type;
  public String status;
  public String lastProbeTime;
  public String lastTransitionTime;
  public String reason;
  public String message;
}

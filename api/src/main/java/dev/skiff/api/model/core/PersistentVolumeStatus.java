package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PersistentVolumeStatus. */
public class PersistentVolumeStatus extends Extensible {
  public String phase;
  public String message;
  public String reason;
  public String lastPhaseTransitionTime;
}

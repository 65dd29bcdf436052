package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 PersistentVolumeClaimVolumeSource: the volume bound to a claim. */
public class PersistentVolumeClaimVolumeSource extends Extensible {
  public String claimName;
  public Boolean readOnly;
}

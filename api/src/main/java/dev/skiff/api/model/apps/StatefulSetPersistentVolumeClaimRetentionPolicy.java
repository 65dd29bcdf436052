package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;

/** apps/v1 StatefulSetPersistentVolumeClaimRetentionPolicy: Retain or Delete. */
public class StatefulSetPersistentVolumeClaimRetentionPolicy extends Extensible {
  public String whenDeleted;
  public String whenScaled;
}

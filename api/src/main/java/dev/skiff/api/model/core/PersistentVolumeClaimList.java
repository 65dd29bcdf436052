package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 PersistentVolumeClaimList. */
public class PersistentVolumeClaimList extends KubeList<PersistentVolumeClaim> {
  public PersistentVolumeClaimList() {
    apiVersion = PersistentVolumeClaim.API_VERSION;
    kind = "PersistentVolumeClaimList";
  }
}

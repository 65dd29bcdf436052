package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 PersistentVolumeList. */
public class PersistentVolumeList extends KubeList<PersistentVolume> {
  public PersistentVolumeList() {
    apiVersion = PersistentVolume.API_VERSION;
    kind = "PersistentVolumeList";
  }
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 LocalVolumeSource: a local disk of a node (PersistentVolume). */
public class LocalVolumeSource extends Extensible {
  public String path;
  public String fsType;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 PersistentVolume. */
public class PersistentVolume extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "PersistentVolume";

  public PersistentVolumeSpec spec;
  public PersistentVolumeStatus status;

  public PersistentVolume() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public PersistentVolumeSpec spec() {
    if (spec == null) {
      spec = new PersistentVolumeSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public PersistentVolumeStatus status() {
    if (status == null) {
      status = new PersistentVolumeStatus();
    }
    return status;
  }
}

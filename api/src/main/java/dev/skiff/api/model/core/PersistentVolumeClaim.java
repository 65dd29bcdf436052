package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 PersistentVolumeClaim. */
public class PersistentVolumeClaim extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "PersistentVolumeClaim";

  public PersistentVolumeClaimSpec spec;
  public PersistentVolumeClaimStatus status;

  public PersistentVolumeClaim() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public PersistentVolumeClaimSpec spec() {
    if (spec == null) {
      spec = new PersistentVolumeClaimSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public PersistentVolumeClaimStatus status() {
    if (status == null) {
      status = new PersistentVolumeClaimStatus();
    }
    return status;
  }
}

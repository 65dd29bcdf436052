package dev.skiff.api.defaults;

import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.storage.StorageClass;

/**
 * SetDefaults of the storage kinds: a claim and a volume are {@code Filesystem} volumes in phase
 * Pending; a volume is {@code Retain}ed unless it says otherwise; a StorageClass deletes its
 * volumes and binds {@code Immediate}ly unless it says otherwise.
 */
public final class StorageDefaults {
  private StorageDefaults() {}

  /** The finalizer the StorageObjectInUseProtection admission plugin adds to new claims. */
  public static final String PVC_PROTECTION = "kubernetes.io/pvc-protection";

  /** The finalizer the StorageObjectInUseProtection admission plugin adds to new volumes. */
  public static final String PV_PROTECTION = "kubernetes.io/pv-protection";

  /**
   * StorageObjectInUseProtection: a new claim or volume gets its protection finalizer, which the
   * controller removes once nothing uses it.
   */
  static void protect(KubeObject obj) {
    String finalizer = obj instanceof PersistentVolumeClaim ? PVC_PROTECTION : PV_PROTECTION;
    if (obj.meta().finalizers == null) {
      obj.metadata.finalizers = new java.util.ArrayList<>();
    }
    if (!obj.metadata.finalizers.contains(finalizer)) {
      obj.metadata.finalizers.add(finalizer);
    }
  }

  static void apply(PersistentVolumeClaim pvc) {
    if (PodDefaults.blank(pvc.spec().volumeMode)) {
      pvc.spec.volumeMode = "Filesystem";
    }
    if (PodDefaults.blank(pvc.status().phase)) {
      pvc.status.phase = "Pending";
    }
  }

  static void apply(PersistentVolume pv) {
    if (PodDefaults.blank(pv.spec().persistentVolumeReclaimPolicy)) {
      pv.spec.persistentVolumeReclaimPolicy = "Retain";
    }
    if (PodDefaults.blank(pv.spec.volumeMode)) {
      pv.spec.volumeMode = "Filesystem";
    }
    if (pv.spec.hostPath != null && pv.spec.hostPath.type == null) {
      pv.spec.hostPath.type = "";
    }
    if (PodDefaults.blank(pv.status().phase)) {
      pv.status.phase = "Pending";
    }
  }

  static void apply(StorageClass sc) {
    if (PodDefaults.blank(sc.reclaimPolicy)) {
      sc.reclaimPolicy = "Delete";
    }
    if (PodDefaults.blank(sc.volumeBindingMode)) {
      sc.volumeBindingMode = "Immediate";
    }
  }
}

package dev.skiff.server.controller.volume;

import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.meta.Quantity;
import dev.skiff.api.model.storage.StorageClass;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The PersistentVolume controller's decisions, pure: which class a claim without one gets (the
 * default class, newest first, as the retroactive default StorageClass assignment does), which
 * Available volume a pending claim binds to (same class, every access mode, enough capacity,
 * smallest first), what phase a claim and a volume are in, and whether a claim waits for its first
 * consumer or for a provisioner.
 */
final class VolumeBinding {
  static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
  static final String STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
  static final String BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
  static final String BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
  static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";

  private VolumeBinding() {}

  /** The default StorageClass's name, or null when there is none. */
  static String defaultClass(List<StorageClass> classes) {
    return classes.stream()
        .filter(VolumeBinding::isDefault)
        .max(
            Comparator.comparing((StorageClass sc) -> String.valueOf(sc.meta().creationTimestamp))
                .thenComparing(sc -> sc.meta().name))
        .map(sc -> sc.meta().name)
        .orElse(null);
  }

  static boolean isDefault(StorageClass sc) {
    Map<String, String> a = sc.meta().annotations;
    return a != null
        && ("true".equals(a.get(StorageClass.DEFAULT_ANNOTATION))
            || "true".equals(a.get("storageclass.beta.kubernetes.io/is-default-class")));
  }

  /** The claim's class name ("" for none). */
  static String className(PersistentVolumeClaim pvc) {
    return pvc.spec().storageClassName == null ? "" : pvc.spec.storageClassName;
  }

  static String className(PersistentVolume pv) {
    return pv.spec().storageClassName == null ? "" : pv.spec.storageClassName;
  }

  /** Whether {@code pv}'s claimRef names {@code pvc} (a uid, when given, must match too). */
  static boolean refersTo(PersistentVolume pv, PersistentVolumeClaim pvc) {
    ObjectReference ref = pv.spec().claimRef;
    return ref != null
        && Objects.equals(ref.namespace, pvc.meta().namespace)
        && Objects.equals(ref.name, pvc.meta().name)
        && (ref.uid == null || ref.uid.isEmpty() || ref.uid.equals(pvc.meta().uid));
  }

  /**
   * The volume a pending claim should bind to: one already pre-bound to it (a provisioner's), else
   * the smallest Available one that satisfies it; null when none.
   */
  static PersistentVolume match(PersistentVolumeClaim pvc, List<PersistentVolume> volumes) {
    PersistentVolume best = null;
    for (PersistentVolume pv : volumes) {
      if (pv.meta().deletionTimestamp != null) {
        continue;
      }
      String wanted = pvc.spec().volumeName;
      if (wanted != null && !wanted.isEmpty() && !wanted.equals(pv.meta().name)) {
        continue;
      }
      if (refersTo(pv, pvc)) {
        return pv;
      }
      if (pv.spec().claimRef != null || !satisfies(pv, pvc)) {
        continue;
      }
      if (best == null || capacity(pv).compareTo(capacity(best)) < 0) {
        best = pv;
      }
    }
    return best;
  }

  private static boolean satisfies(PersistentVolume pv, PersistentVolumeClaim pvc) {
    if (!className(pv).equals(className(pvc))) {
      return false;
    }
    List<String> modes = pvc.spec().accessModes == null ? List.of() : pvc.spec.accessModes;
    List<String> offered = pv.spec().accessModes == null ? List.of() : pv.spec.accessModes;
    if (!offered.containsAll(modes)) {
      return false;
    }
    if (!Objects.equals(
        pv.spec.volumeMode == null ? "Filesystem" : pv.spec.volumeMode,
        pvc.spec.volumeMode == null ? "Filesystem" : pvc.spec.volumeMode)) {
      return false;
    }
    return capacity(pv).compareTo(request(pvc)) >= 0;
  }

  static BigDecimal capacity(PersistentVolume pv) {
    BigDecimal v =
        Quantity.parse(pv.spec().capacity == null ? null : pv.spec.capacity.get("storage"));
    return v == null ? BigDecimal.ZERO : v;
  }

  static BigDecimal request(PersistentVolumeClaim pvc) {
    var res = pvc.spec().resources;
    BigDecimal v =
        Quantity.parse(res == null || res.requests == null ? null : res.requests.get("storage"));
    return v == null ? BigDecimal.ZERO : v;
  }

  /**
   * A volume's phase: Bound while its claim exists (same uid), Released once the claim is gone,
   * Available without a claim; Failed stays Failed.
   */
  static String volumePhase(PersistentVolume pv, PersistentVolumeClaim claim) {
    ObjectReference ref = pv.spec().claimRef;
    if (ref == null) {
      return "Available";
    }
    if (claim == null
        || (ref.uid != null && !ref.uid.isEmpty() && !ref.uid.equals(claim.meta().uid))) {
      return ref.uid == null || ref.uid.isEmpty() ? "Available" : "Released";
    }
    String volumeName = claim.spec().volumeName;
    if (volumeName == null || volumeName.isEmpty()) {
      return "Available";
    }
    return volumeName.equals(pv.meta().name) ? "Bound" : "Released";
  }
}

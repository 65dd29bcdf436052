package dev.skiff.api.validation;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.PersistentVolumeClaimSpec;
import dev.skiff.api.model.core.PersistentVolumeSpec;
import dev.skiff.api.model.meta.Quantity;
import dev.skiff.api.model.storage.StorageClass;
import dev.skiff.api.names.Names;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ValidatePersistentVolumeClaim, ValidatePersistentVolume and ValidateStorageClass (and their
 * updates) with Kubernetes' paths and messages. A claim's spec is immutable once created, except
 * its requested storage and the {@code volumeName} a binder sets.
 */
public final class StorageValidation {
  static final List<String> ACCESS_MODES =
      List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");
  static final List<String> VOLUME_MODES = List.of("Block", "Filesystem");
  static final List<String> PV_RECLAIM_POLICIES = List.of("Delete", "Recycle", "Retain");
  static final List<String> SC_RECLAIM_POLICIES = List.of("Delete", "Retain");
  static final List<String> BINDING_MODES = List.of("Immediate", "WaitForFirstConsumer");

  private StorageValidation() {}

  public static void validate(PersistentVolumeClaim pvc, ErrorList errs) {
    ObjectMetaValidation.validate(
        pvc.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    claimSpec(pvc.spec(), FieldPath.root("spec"), errs);
  }

  /** ValidatePersistentVolumeClaimSpec: of a claim, or of a StatefulSet's claim template. */
  static void claimSpec(PersistentVolumeClaimSpec s, FieldPath spec, ErrorList errs) {
    if (s.accessModes == null || s.accessModes.isEmpty()) {
      errs.required(spec.child("accessModes"), "at least 1 access mode is required");
    } else {
      accessModes(s.accessModes, spec.child("accessModes"), errs);
    }
    Map<String, String> requests = s.resources == null ? null : s.resources.requests;
    FieldPath storage = spec.child("resources").key("storage");
    if (requests == null || !requests.containsKey("storage")) {
      errs.required(storage, "");
    } else if (!positive(requests.get("storage"))) {
      errs.invalid(storage, requests.get("storage"), "must be greater than zero");
    }
    className(s.storageClassName, spec.child("storageClassName"), errs);
    volumeMode(s.volumeMode, spec.child("volumeMode"), errs);
  }

  public static void validateUpdate(
      PersistentVolumeClaim pvc, PersistentVolumeClaim old, ErrorList errs) {
    com.fasterxml.jackson.databind.node.ObjectNode now = Json.mapper().valueToTree(pvc.spec());
    com.fasterxml.jackson.databind.node.ObjectNode before = Json.mapper().valueToTree(old.spec());
    if (before.path("volumeName").asText("").isEmpty()) {
      copy(now, before, "volumeName");
    }
    if (now.path("resources").isObject() && before.path("resources").isObject()) {
      copy(
          (com.fasterxml.jackson.databind.node.ObjectNode) now.path("resources"),
          (com.fasterxml.jackson.databind.node.ObjectNode) before.path("resources"),
          "requests");
    }
    copy(now, before, "volumeAttributesClassName");
    if (!before.hasNonNull("storageClassName")) {
      copy(now, before, "storageClassName");
    }
    if (!now.equals(before)) {
      errs.forbidden(
          FieldPath.root("spec"),
          "spec is immutable after creation except resources.requests and"
              + " volumeAttributesClassName for bound claims");
    }
  }

  public static void validate(PersistentVolume pv, ErrorList errs) {
    ObjectMetaValidation.validate(
        pv.metadata, false, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    PersistentVolumeSpec s = pv.spec();
    FieldPath spec = FieldPath.root("spec");
    if (s.accessModes == null || s.accessModes.isEmpty()) {
      errs.required(spec.child("accessModes"), "must specify at least 1 access mode");
    } else {
      accessModes(s.accessModes, spec.child("accessModes"), errs);
    }
    if (s.capacity == null || s.capacity.isEmpty()) {
      errs.required(spec.child("capacity"), "");
    } else if (!s.capacity.containsKey("storage") || s.capacity.size() > 1) {
      errs.notSupported(spec.child("capacity"), s.capacity, List.of("storage"));
    } else if (!positive(s.capacity.get("storage"))) {
      errs.invalid(
          spec.child("capacity").key("storage"),
          s.capacity.get("storage"),
          "must be greater than zero");
    }
    String policy = s.persistentVolumeReclaimPolicy;
    if (policy != null && !PV_RECLAIM_POLICIES.contains(policy)) {
      errs.notSupported(spec.child("persistentVolumeReclaimPolicy"), policy, PV_RECLAIM_POLICIES);
    }
    className(s.storageClassName, spec.child("storageClassName"), errs);
    volumeMode(s.volumeMode, spec.child("volumeMode"), errs);
    List<String> sources = new java.util.ArrayList<>();
    if (s.hostPath != null) {
      sources.add("hostPath");
    }
    if (s.local != null) {
      sources.add("local");
    }
    for (String other : s.additionalProperties().keySet()) {
      sources.add(other);
    }
    if (sources.isEmpty()) {
      errs.required(spec, "must specify a volume type");
    }
    for (String extra :
        sources.size() > 1 ? sources.subList(1, sources.size()) : List.<String>of()) {
      errs.forbidden(spec.child(extra), "may not specify more than 1 volume type");
    }
    if (s.hostPath != null) {
      if (s.hostPath.path == null || s.hostPath.path.isEmpty()) {
        errs.required(spec.child("hostPath", "path"), "");
      }
      if (s.hostPath.type != null && !VolumeValidation.HOST_PATH_TYPES.contains(s.hostPath.type)) {
        errs.notSupported(
            spec.child("hostPath", "type"), s.hostPath.type, VolumeValidation.HOST_PATH_TYPES);
      }
    }
    if (s.local != null) {
      if (s.local.path == null || s.local.path.isEmpty()) {
        errs.required(spec.child("local", "path"), "");
      }
      if (s.nodeAffinity == null) {
        errs.required(spec.child("nodeAffinity"), "Local volume requires node affinity");
      }
    }
  }

  public static void validateUpdate(PersistentVolume pv, PersistentVolume old, ErrorList errs) {
    if (old.spec != null && old.spec.nodeAffinity != null) {
      ObjectMetaValidation.immutable(
          pv.spec().nodeAffinity,
          old.spec.nodeAffinity,
          FieldPath.root("spec", "nodeAffinity"),
          errs);
    }
  }

  public static void validate(StorageClass sc, ErrorList errs) {
    ObjectMetaValidation.validate(
        sc.metadata, false, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    FieldPath provisioner = FieldPath.root("provisioner");
    if (sc.provisioner == null || sc.provisioner.isEmpty()) {
      errs.required(provisioner, "");
    } else {
      errs.invalidEach(
          provisioner,
          sc.provisioner,
          Names.isQualifiedName(sc.provisioner.toLowerCase(java.util.Locale.ROOT)));
    }
    if (sc.reclaimPolicy != null && !SC_RECLAIM_POLICIES.contains(sc.reclaimPolicy)) {
      errs.notSupported(FieldPath.root("reclaimPolicy"), sc.reclaimPolicy, SC_RECLAIM_POLICIES);
    }
    if (sc.volumeBindingMode == null) {
      errs.required(FieldPath.root("volumeBindingMode"), "");
    } else if (!BINDING_MODES.contains(sc.volumeBindingMode)) {
      errs.notSupported(FieldPath.root("volumeBindingMode"), sc.volumeBindingMode, BINDING_MODES);
    }
  }

  public static void validateUpdate(StorageClass sc, StorageClass old, ErrorList errs) {
    if (!Objects.equals(emptyToNull(sc.parameters), emptyToNull(old.parameters))) {
      errs.forbidden(FieldPath.root("parameters"), "updates to parameters are forbidden.");
    }
    if (!Objects.equals(sc.provisioner, old.provisioner)) {
      errs.forbidden(FieldPath.root("provisioner"), "updates to provisioner are forbidden.");
    }
    if (!Objects.equals(sc.reclaimPolicy, old.reclaimPolicy)) {
      errs.forbidden(FieldPath.root("reclaimPolicy"), "updates to reclaimPolicy are forbidden.");
    }
    ObjectMetaValidation.immutable(
        sc.volumeBindingMode, old.volumeBindingMode, FieldPath.root("volumeBindingMode"), errs);
  }

  private static void accessModes(List<String> modes, FieldPath path, ErrorList errs) {
    for (String mode : modes) {
      if (!ACCESS_MODES.contains(mode)) {
        errs.notSupported(path, mode, ACCESS_MODES);
      }
    }
  }

  private static void volumeMode(String mode, FieldPath path, ErrorList errs) {
    if (mode != null && !VOLUME_MODES.contains(mode)) {
      errs.notSupported(path, mode, VOLUME_MODES);
    }
  }

  private static void className(String name, FieldPath path, ErrorList errs) {
    if (name != null && !name.isEmpty()) {
      errs.invalidEach(path, name, Names.isDns1123Subdomain(name));
    }
  }

  private static void copy(
      com.fasterxml.jackson.databind.node.ObjectNode from,
      com.fasterxml.jackson.databind.node.ObjectNode to,
      String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    } else {
      to.remove(field);
    }
  }

  private static Map<String, String> emptyToNull(Map<String, String> map) {
    return map == null || map.isEmpty() ? null : map;
  }

  /** Whether a quantity is above zero. */
  static boolean positive(String quantity) {
    BigDecimal value = Quantity.parse(quantity);
    return value != null && value.signum() > 0;
  }
}

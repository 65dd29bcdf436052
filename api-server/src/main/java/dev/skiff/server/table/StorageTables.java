package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl get persistentvolumeclaims (NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS
 * VOLUMEATTRIBUTESCLASS AGE, VOLUMEMODE wide), persistentvolumes (NAME CAPACITY ACCESS MODES
 * RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE, VOLUMEMODE wide) and
 * storageclasses (NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE, the
 * default class named "NAME (default)"): printPersistentVolumeClaim, printPersistentVolume and
 * printStorageClass of the real server.
 */
final class StorageTables {
  private static final String UNSET = "<unset>";

  private StorageTables() {}

  static TableConvertor claims() {
    List<Column> columns =
        List.of(
            Column.nameColumn(),
            Column.text("Status", "phase represents the current phase of PersistentVolumeClaim."),
            Column.text(
                "Volume",
                "volumeName is the binding reference to the PersistentVolume backing this claim."),
            Column.text(
                "Capacity", "capacity represents the actual resources of the underlying volume."),
            Column.text(
                "Access Modes",
                "accessModes contains the actual access modes the volume backing the PVC has."),
            Column.text("StorageClass", "StorageClass of the pvc"),
            Column.text("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
            Column.ageColumn(),
            Column.wide(
                "VolumeMode",
                "volumeMode defines what type of volume is required by the claim. Value of"
                    + " Filesystem is implied when not included in claim spec."));
    return BatchTables.of(
        columns,
        (pvc, now) -> {
          JsonNode spec = pvc.path("spec");
          JsonNode status = pvc.path("status");
          String volume = spec.path("volumeName").asText("");
          boolean bound = !volume.isEmpty();
          return List.of(
              Cells.name(pvc),
              phase(pvc),
              volume,
              bound ? status.path("capacity").path("storage").asText("") : "",
              bound ? accessModes(status.path("accessModes")) : "",
              claimClass(pvc),
              Cells.textOr(spec.path("volumeAttributesClassName"), UNSET),
              Cells.age(pvc, now),
              Cells.textOr(spec.path("volumeMode"), UNSET));
        });
  }

  static TableConvertor volumes() {
    List<Column> columns =
        List.of(
            Column.nameColumn(),
            Column.text(
                "Capacity", "capacity is the description of the persistent volume's resources."),
            Column.text("Access Modes", "accessModes contains all ways the volume can be mounted."),
            Column.text(
                "Reclaim Policy",
                "persistentVolumeReclaimPolicy defines what happens to a persistent volume when"
                    + " released from its claim."),
            Column.text(
                "Status",
                "phase indicates if a volume is available, bound to a claim,"
                    + " or released by a claim."),
            Column.text(
                "Claim",
                "claimRef is part of a bi-directional binding between PersistentVolume and"
                    + " PersistentVolumeClaim."),
            Column.text("StorageClass", "StorageClass of the pv"),
            Column.text("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
            Column.text(
                "Reason",
                "reason is a brief CamelCase string that describes any failure and is meant for"
                    + " machine parsing and tidy display in the CLI."),
            Column.ageColumn(),
            Column.wide(
                "VolumeMode",
                "volumeMode defines if a volume is intended to be used with a formatted filesystem"
                    + " or to remain in raw block state."));
    return BatchTables.of(
        columns,
        (pv, now) -> {
          JsonNode spec = pv.path("spec");
          JsonNode claim = spec.path("claimRef");
          String claimText =
              claim.isObject()
                  ? claim.path("namespace").asText("") + "/" + claim.path("name").asText("")
                  : "";
          return List.of(
              Cells.name(pv),
              spec.path("capacity").path("storage").asText(""),
              accessModes(spec.path("accessModes")),
              spec.path("persistentVolumeReclaimPolicy").asText(""),
              phase(pv),
              claimText,
              volumeClass(pv),
              Cells.textOr(spec.path("volumeAttributesClassName"), UNSET),
              pv.path("status").path("reason").asText(""),
              Cells.age(pv, now),
              Cells.textOr(spec.path("volumeMode"), UNSET));
        });
  }

  static TableConvertor classes() {
    List<Column> columns =
        List.of(
            Column.nameColumn(),
            Column.text("Provisioner", "provisioner indicates the type of the provisioner."),
            Column.text(
                "ReclaimPolicy",
                "reclaimPolicy controls the reclaimPolicy for dynamically provisioned"
                    + " PersistentVolumes of this storage class. Defaults to Delete."),
            Column.text(
                "VolumeBindingMode",
                "volumeBindingMode indicates how PersistentVolumeClaims should be provisioned"
                    + " and bound.  When unset, VolumeBindingImmediate is used."),
            Column.text(
                "AllowVolumeExpansion",
                "allowVolumeExpansion shows whether the storage class allow volume expand."),
            Column.ageColumn());
    return BatchTables.of(
        columns,
        (sc, now) -> {
          String name = Cells.name(sc);
          if (isDefault(sc)) {
            name += " (default)";
          }
          return List.of(
              name,
              sc.path("provisioner").asText(""),
              Cells.textOr(sc.path("reclaimPolicy"), "Delete"),
              Cells.textOr(sc.path("volumeBindingMode"), "Immediate"),
              sc.path("allowVolumeExpansion").asBoolean(false),
              Cells.age(sc, now));
        });
  }

  /** IsDefaultAnnotation: the GA or the beta annotation is "true". */
  static boolean isDefault(JsonNode sc) {
    JsonNode annotations = sc.path("metadata").path("annotations");
    return "true".equals(annotations.path("storageclass.kubernetes.io/is-default-class").asText())
        || "true"
            .equals(annotations.path("storageclass.beta.kubernetes.io/is-default-class").asText());
  }

  private static String phase(JsonNode object) {
    if (object.path("metadata").hasNonNull("deletionTimestamp")) {
      return "Terminating";
    }
    return object.path("status").path("phase").asText("");
  }

  /** GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName. */
  private static String claimClass(JsonNode pvc) {
    JsonNode beta =
        pvc.path("metadata").path("annotations").path("volume.beta.kubernetes.io/storage-class");
    return beta.isTextual() ? beta.asText() : pvc.path("spec").path("storageClassName").asText("");
  }

  private static String volumeClass(JsonNode pv) {
    JsonNode beta =
        pv.path("metadata").path("annotations").path("volume.beta.kubernetes.io/storage-class");
    return beta.isTextual() ? beta.asText() : pv.path("spec").path("storageClassName").asText("");
  }

  /** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-separated. */
  static String accessModes(JsonNode modes) {
    List<String> present = new ArrayList<>();
    modes.forEach(m -> present.add(m.asText()));
    List<String> out = new ArrayList<>();
    String[][] table = {
      {"ReadWriteOnce", "RWO"},
      {"ReadOnlyMany", "ROX"},
      {"ReadWriteMany", "RWX"},
      {"ReadWriteOncePod", "RWOP"}
    };
    for (String[] t : table) {
      if (present.contains(t[0])) {
        out.add(t[1]);
      }
    }
    return String.join(",", out);
  }
}

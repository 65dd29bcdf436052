package dev.skiff.api.validation;

import dev.skiff.api.model.core.DownwardAPIVolumeFile;
import dev.skiff.api.model.core.KeyToPath;
import dev.skiff.api.model.core.ProjectedVolumeSource;
import dev.skiff.api.model.core.Volume;
import dev.skiff.api.model.core.VolumeProjection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ValidateVolumes and validateVolumeSource for the sources Skiff realises (emptyDir, hostPath,
 * configMap, secret, downwardAPI, projected, persistentVolumeClaim), with Kubernetes' field paths
 * and messages, including its quirks (a downwardAPI item's errors name the source, not the item).
 */
final class VolumeValidation {
  static final String FILE_MODE = "must be a number between 0 and 0777 (octal), both inclusive";
  static final List<String> HOST_PATH_TYPES =
      List.of(
          "",
          "BlockDevice",
          "CharDevice",
          "Directory",
          "DirectoryOrCreate",
          "File",
          "FileOrCreate",
          "Socket");
  private static final List<String> DOWNWARD_FIELD_PATHS =
      List.of(
          "metadata.annotations",
          "metadata.labels",
          "metadata.name",
          "metadata.namespace",
          "metadata.uid");
  private static final List<String> RESOURCES =
      List.of(
          "limits.cpu",
          "limits.ephemeral-storage",
          "limits.memory",
          "requests.cpu",
          "requests.ephemeral-storage",
          "requests.memory");

  private VolumeValidation() {}

  /** The volumes' names (for the mounts), validating each volume on the way. */
  static Set<String> validate(List<Volume> volumes, FieldPath path, ErrorList errs) {
    Set<String> names = new HashSet<>();
    if (volumes == null) {
      return names;
    }
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      FieldPath p = path.index(i);
      if (v.name == null || v.name.isEmpty()) {
        errs.required(p.child("name"), "");
      } else {
        PortRules.dns1123Label(v.name, p.child("name"), errs);
        if (!names.add(v.name)) {
          errs.duplicate(p.child("name"), v.name);
        }
      }
      source(v, p, errs);
    }
    return names;
  }

  private static void source(Volume v, FieldPath p, ErrorList errs) {
    List<String> sources = v.sources();
    if (sources.isEmpty()) {
      errs.required(p, "must specify a volume type");
      return;
    }
    for (String extra : sources.subList(1, sources.size())) {
      errs.forbidden(p.child(extra), "may not specify more than 1 volume type");
    }
    if (v.hostPath != null) {
      FieldPath hp = p.child("hostPath");
      if (blank(v.hostPath.path)) {
        errs.required(hp.child("path"), "");
      } else {
        noBacksteps(v.hostPath.path, hp.child("path"), errs);
      }
      if (v.hostPath.type != null && !HOST_PATH_TYPES.contains(v.hostPath.type)) {
        errs.notSupported(hp.child("type"), v.hostPath.type, HOST_PATH_TYPES);
      }
    }
    if (v.emptyDir != null
        && v.emptyDir.sizeLimit != null
        && v.emptyDir.sizeLimit.startsWith("-")) {
      errs.forbidden(
          p.child("emptyDir", "sizeLimit"), "SizeLimit field must be a valid resource quantity");
    }
    if (v.secret != null) {
      FieldPath sp = p.child("secret");
      if (blank(v.secret.secretName)) {
        errs.required(sp.child("secretName"), "");
      }
      mode(v.secret.defaultMode, sp.child("defaultMode"), errs);
      items(v.secret.items, sp.child("items"), errs);
    }
    if (v.configMap != null) {
      FieldPath cp = p.child("configMap");
      if (blank(v.configMap.name)) {
        errs.required(cp.child("name"), "");
      }
      mode(v.configMap.defaultMode, cp.child("defaultMode"), errs);
      items(v.configMap.items, cp.child("items"), errs);
    }
    if (v.persistentVolumeClaim != null && blank(v.persistentVolumeClaim.claimName)) {
      errs.required(p.child("persistentVolumeClaim", "claimName"), "");
    }
    if (v.downwardAPI != null) {
      FieldPath dp = p.child("downwardAPI");
      mode(v.downwardAPI.defaultMode, dp.child("defaultMode"), errs);
      if (v.downwardAPI.items != null) {
        for (DownwardAPIVolumeFile f : v.downwardAPI.items) {
          downwardFile(f, dp, errs);
        }
      }
    }
    if (v.projected != null) {
      projected(v.projected, p.child("projected"), errs);
    }
  }

  private static void projected(ProjectedVolumeSource s, FieldPath path, ErrorList errs) {
    mode(s.defaultMode, path.child("defaultMode"), errs);
    if (s.sources == null) {
      return;
    }
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < s.sources.size(); i++) {
      VolumeProjection src = s.sources.get(i);
      FieldPath sp = path.child("sources").index(i);
      int kinds = 0;
      if (src.secret != null) {
        kinds++;
        FieldPath pp = sp.child("secret");
        if (blank(src.secret.name)) {
          errs.required(pp.child("name"), "");
        }
        projectedItems(src.secret.items, src.secret.name, pp, path, paths, errs);
      }
      if (src.downwardAPI != null) {
        kinds++;
        FieldPath pp = sp.child("downwardAPI");
        if (src.downwardAPI.items != null) {
          for (DownwardAPIVolumeFile f : src.downwardAPI.items) {
            downwardFile(f, pp, errs);
            if (!blank(f.path) && !paths.add(f.path)) {
              errs.invalid(path, f.path, "conflicting duplicate paths");
            }
          }
        }
      }
      if (src.configMap != null) {
        kinds++;
        FieldPath pp = sp.child("configMap");
        if (blank(src.configMap.name)) {
          errs.required(pp.child("name"), "");
        }
        projectedItems(src.configMap.items, src.configMap.name, pp, path, paths, errs);
      }
      if (src.serviceAccountToken != null) {
        kinds++;
        FieldPath pp = sp.child("serviceAccountToken");
        long seconds =
            src.serviceAccountToken.expirationSeconds == null
                ? 0
                : src.serviceAccountToken.expirationSeconds;
        if (seconds < 600) {
          errs.invalid(
              pp.child("expirationSeconds"),
              seconds,
              "may not specify a duration less than 10 minutes");
        }
        if (seconds > (1L << 32)) {
          errs.invalid(
              pp.child("expirationSeconds"),
              seconds,
              "may not specify a duration larger than 2^32 seconds");
        }
        if (blank(src.serviceAccountToken.path)) {
          errs.required(path.child("path"), "");
        } else {
          localNonReservedPath(src.serviceAccountToken.path, pp.child("path"), errs);
        }
      }
      if (kinds > 1) {
        errs.forbidden(sp, "may not specify more than 1 volume type per source");
      }
    }
  }

  private static void projectedItems(
      List<KeyToPath> items,
      String name,
      FieldPath sourcePath,
      FieldPath projectedPath,
      Set<String> paths,
      ErrorList errs) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      KeyToPath kp = items.get(i);
      keyToPath(kp, sourcePath.child("items").index(i), errs);
      if (!blank(kp.path) && !paths.add(kp.path)) {
        errs.invalid(projectedPath, name, "conflicting duplicate paths");
      }
    }
  }

  private static void items(List<KeyToPath> items, FieldPath path, ErrorList errs) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      keyToPath(items.get(i), path.index(i), errs);
    }
  }

  private static void keyToPath(KeyToPath kp, FieldPath path, ErrorList errs) {
    if (blank(kp.key)) {
      errs.required(path.child("key"), "");
    }
    if (blank(kp.path)) {
      errs.required(path.child("path"), "");
    }
    localNonReservedPath(kp.path == null ? "" : kp.path, path.child("path"), errs);
    mode(kp.mode, path.child("mode"), errs);
  }

  private static void downwardFile(DownwardAPIVolumeFile f, FieldPath path, ErrorList errs) {
    if (blank(f.path)) {
      errs.required(path.child("path"), "");
    }
    localNonReservedPath(f.path == null ? "" : f.path, path.child("path"), errs);
    if (f.fieldRef != null) {
      EnvValidation.fieldRef(
          f.fieldRef.apiVersion,
          f.fieldRef.fieldPath,
          DOWNWARD_FIELD_PATHS,
          path.child("fieldRef"),
          errs);
      if (f.resourceFieldRef != null) {
        errs.invalid(
            path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously");
      }
    } else if (f.resourceFieldRef != null) {
      FieldPath rp = path.child("resourceFieldRef");
      if (blank(f.resourceFieldRef.containerName)) {
        errs.required(rp.child("containerName"), "");
      }
      if (blank(f.resourceFieldRef.resource)) {
        errs.required(rp.child("resource"), "");
      } else if (!RESOURCES.contains(f.resourceFieldRef.resource)) {
        errs.notSupported(rp.child("resource"), f.resourceFieldRef.resource, RESOURCES);
      }
    } else {
      errs.required(path, "one of fieldRef and resourceFieldRef is required");
    }
    mode(f.mode, path.child("mode"), errs);
  }

  private static void mode(Integer mode, FieldPath path, ErrorList errs) {
    if (mode != null && (mode > 0777 || mode < 0)) {
      errs.invalid(path, mode, FILE_MODE);
    }
  }

  /** validateLocalNonReservedPath: relative, no '..' element, not starting with '..'. */
  static void localNonReservedPath(String target, FieldPath path, ErrorList errs) {
    localDescendingPath(target, path, errs);
    if (target.startsWith("..") && !target.startsWith("../")) {
      errs.invalid(path, target, "must not start with '..'");
    }
  }

  /** validateLocalDescendingPath: relative and without a '..' element. */
  static void localDescendingPath(String target, FieldPath path, ErrorList errs) {
    if (target.startsWith("/")) {
      errs.invalid(path, target, "must be a relative path");
    }
    noBacksteps(target, path, errs);
  }

  private static void noBacksteps(String target, FieldPath path, ErrorList errs) {
    for (String part : target.split("/", -1)) {
      if (part.equals("..")) {
        errs.invalid(path, target, "must not contain '..'");
        return;
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }
}

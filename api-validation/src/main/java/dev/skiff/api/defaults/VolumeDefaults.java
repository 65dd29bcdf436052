package dev.skiff.api.defaults;

import dev.skiff.api.model.core.DownwardAPIVolumeFile;
import dev.skiff.api.model.core.EmptyDirVolumeSource;
import dev.skiff.api.model.core.Volume;
import dev.skiff.api.model.core.VolumeProjection;
import java.util.List;

/**
 * SetDefaults_Volume and its sources: a volume without a source is an emptyDir; configMap, secret,
 * downwardAPI and projected volumes get {@code defaultMode} 0644 (420); a hostPath's {@code type}
 * is {@code ""}; a projected ServiceAccount token lives 3600 s; a downward API {@code fieldRef}
 * names apiVersion v1.
 */
final class VolumeDefaults {
  /** 0644, the files' mode when a volume names none. */
  static final int DEFAULT_MODE = 0644;

  private VolumeDefaults() {}

  static void apply(Volume v) {
    if (v.sources().isEmpty()) {
      v.emptyDir = new EmptyDirVolumeSource();
    }
    if (v.configMap != null && v.configMap.defaultMode == null) {
      v.configMap.defaultMode = DEFAULT_MODE;
    }
    if (v.secret != null && v.secret.defaultMode == null) {
      v.secret.defaultMode = DEFAULT_MODE;
    }
    if (v.hostPath != null && v.hostPath.type == null) {
      v.hostPath.type = "";
    }
    if (v.downwardAPI != null) {
      if (v.downwardAPI.defaultMode == null) {
        v.downwardAPI.defaultMode = DEFAULT_MODE;
      }
      fieldRefs(v.downwardAPI.items);
    }
    if (v.projected != null) {
      if (v.projected.defaultMode == null) {
        v.projected.defaultMode = DEFAULT_MODE;
      }
      if (v.projected.sources != null) {
        for (VolumeProjection s : v.projected.sources) {
          if (s.serviceAccountToken != null && s.serviceAccountToken.expirationSeconds == null) {
            s.serviceAccountToken.expirationSeconds = 3600L;
          }
          if (s.downwardAPI != null) {
            fieldRefs(s.downwardAPI.items);
          }
        }
      }
    }
  }

  private static void fieldRefs(List<DownwardAPIVolumeFile> items) {
    if (items == null) {
      return;
    }
    for (DownwardAPIVolumeFile f : items) {
      if (f.fieldRef != null && PodDefaults.blank(f.fieldRef.apiVersion)) {
        f.fieldRef.apiVersion = "v1";
      }
    }
  }
}

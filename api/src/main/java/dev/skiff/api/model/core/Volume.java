package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/**
 * v1 Volume: the name and one source. The sources Skiff realises are typed; every other source
 * (nfs, csi, ...) is kept as an unknown field, so it round-trips and validation can name it.
 */
public class Volume extends Extensible {
  public String name;
  public HostPathVolumeSource hostPath;
  public EmptyDirVolumeSource emptyDir;
  public SecretVolumeSource secret;
  public PersistentVolumeClaimVolumeSource persistentVolumeClaim;
  public DownwardAPIVolumeSource downwardAPI;
  public ConfigMapVolumeSource configMap;
  public ProjectedVolumeSource projected;

  /** The names of the sources this volume sets, typed or not, in declaration order. */
  public java.util.List<String> sources() {
    java.util.List<String> names = new java.util.ArrayList<>();
    if (hostPath != null) {
      names.add("hostPath");
    }
    if (emptyDir != null) {
      names.add("emptyDir");
    }
    if (secret != null) {
      names.add("secret");
    }
    if (persistentVolumeClaim != null) {
      names.add("persistentVolumeClaim");
    }
    if (downwardAPI != null) {
      names.add("downwardAPI");
    }
    if (configMap != null) {
      names.add("configMap");
    }
    if (projected != null) {
      names.add("projected");
    }
    names.addAll(additionalProperties().keySet());
    return names;
  }
}

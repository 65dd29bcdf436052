package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 PersistentVolumeSpec: the local sources (hostPath, local); others stay as unknown fields. */
public class PersistentVolumeSpec extends Extensible {
  public Map<String, String> capacity;
  public HostPathVolumeSource hostPath;
  public LocalVolumeSource local;
  public List<String> accessModes;
  public ObjectReference claimRef;
  public String persistentVolumeReclaimPolicy;
  public String storageClassName;
  public List<String> mountOptions;
  public String volumeMode;
  public Map<String, Object> nodeAffinity;
  public String volumeAttributesClassName;
}

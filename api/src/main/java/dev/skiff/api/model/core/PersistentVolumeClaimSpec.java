package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.LabelSelector;
import java.util.List;
import java.util.Map;

/** v1 PersistentVolumeClaimSpec. */
public class PersistentVolumeClaimSpec extends Extensible {
  public List<String> accessModes;
  public LabelSelector selector;
  public VolumeResourceRequirements resources;
  public String volumeName;
  public String storageClassName;
  public String volumeMode;
  public TypedLocalObjectReference dataSource;
  public Map<String, Object> dataSourceRef;
  public String volumeAttributesClassName;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 PersistentVolumeClaimStatus. */
public class PersistentVolumeClaimStatus extends Extensible {
  public String phase;
  public List<String> accessModes;
  public Map<String, String> capacity;
  public List<PersistentVolumeClaimCondition> conditions;
  public Map<String, String> allocatedResources;
  public Map<String, String> allocatedResourceStatuses;
}

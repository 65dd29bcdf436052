package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** v1 ResourceRequirements: quantities as strings ("100m", "64Mi"). */
public class ResourceRequirements extends Extensible {
  public Map<String, String> limits;
  public Map<String, String> requests;
  public List<Map<String, Object>> claims;
}

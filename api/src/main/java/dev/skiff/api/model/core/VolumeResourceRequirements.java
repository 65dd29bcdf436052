package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.Map;

/** v1 VolumeResourceRequirements: the storage a claim asks for. */
public class VolumeResourceRequirements extends Extensible {
  public Map<String, String> limits;
  public Map<String, String> requests;
}

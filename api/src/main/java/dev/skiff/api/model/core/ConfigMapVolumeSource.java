package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 ConfigMapVolumeSource: a ConfigMap's keys as files. */
public class ConfigMapVolumeSource extends Extensible {
  public String name;
  public List<KeyToPath> items;
  public Integer defaultMode;
  public Boolean optional;
}

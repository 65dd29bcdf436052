package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;

/** v1 ConfigMapProjection: a ConfigMap in a projected volume. */
public class ConfigMapProjection extends Extensible {
  public String name;
  public List<KeyToPath> items;
  public Boolean optional;
}

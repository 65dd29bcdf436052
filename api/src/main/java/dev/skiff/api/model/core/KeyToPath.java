package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 KeyToPath: one key of a ConfigMap or Secret as a file. */
public class KeyToPath extends Extensible {
  public String key;
  public String path;
  public Integer mode;
}

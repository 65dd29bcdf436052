package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/**
 * v1 Volume: the name; the source (emptyDir, hostPath, configMap, ...) is kept as unknown fields.
 */
public class Volume extends Extensible {
  public String name;
}

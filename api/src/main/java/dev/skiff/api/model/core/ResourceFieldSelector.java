package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ResourceFieldSelector (downward API for resources). */
public class ResourceFieldSelector extends Extensible {
  public String containerName;
  public String resource;
  public String divisor;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 VolumeMount. */
public class VolumeMount extends Extensible {
  public String name;
  public Boolean readOnly;
  public String recursiveReadOnly;
  public String mountPath;
  public String subPath;
  public String mountPropagation;
  public String subPathExpr;
}

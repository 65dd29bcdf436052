package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 EnvVar: a literal {@code value} or a {@code valueFrom} source. */
public class EnvVar extends Extensible {
  public String name;
  public String value;
  public EnvVarSource valueFrom;
}

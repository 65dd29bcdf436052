package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 Toleration. */
public class Toleration extends Extensible {
  public String key;
  public String operator;
  public String value;
  public String effect;
  public Long tolerationSeconds;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 Taint. */
public class Taint extends Extensible {
  public String key;
  public String value;
  public String effect;
  public String timeAdded;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ConfigMapKeySelector / SecretKeySelector (same shape). */
public class KeySelector extends Extensible {
  public String name;
  public String key;
  public Boolean optional;
}

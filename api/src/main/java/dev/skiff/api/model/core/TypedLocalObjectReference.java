package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 TypedLocalObjectReference. */
public class TypedLocalObjectReference extends Extensible {
  public String apiGroup;
  public String kind;
  public String name;
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 LocalObjectReference. */
public class LocalObjectReference extends Extensible {
  public String name;
}

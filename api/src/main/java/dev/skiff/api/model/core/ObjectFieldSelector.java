package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ObjectFieldSelector (downward API): {@code fieldPath} such as metadata.name. */
public class ObjectFieldSelector extends Extensible {
  public String apiVersion;
  public String fieldPath;
}

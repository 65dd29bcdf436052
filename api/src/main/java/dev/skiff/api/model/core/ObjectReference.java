package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 ObjectReference. */
public class ObjectReference extends Extensible {
  public String kind;
  public String namespace;
  public String name;
  public String uid;
  public String apiVersion;
  public String resourceVersion;
  public String fieldPath;
}

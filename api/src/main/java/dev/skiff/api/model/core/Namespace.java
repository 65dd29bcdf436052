package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Namespace. */
public class Namespace extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Namespace";

  public Namespace() {
    super(API_VERSION, KIND);
  }
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Endpoints. */
public class Endpoints extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Endpoints";

  public Endpoints() {
    super(API_VERSION, KIND);
  }
}

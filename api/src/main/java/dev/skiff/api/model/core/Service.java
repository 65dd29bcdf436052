package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Service. */
public class Service extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Service";

  public Service() {
    super(API_VERSION, KIND);
  }
}

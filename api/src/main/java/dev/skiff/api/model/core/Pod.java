package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Pod. */
public class Pod extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Pod";

  public Pod() {
    super(API_VERSION, KIND);
  }
}

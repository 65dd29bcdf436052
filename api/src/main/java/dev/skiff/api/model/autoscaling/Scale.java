package dev.skiff.api.model.autoscaling;

import dev.skiff.api.model.meta.KubeObject;

/** autoscaling/v1 Scale. */
public class Scale extends KubeObject {
  public static final String API_VERSION = "autoscaling/v1";
  public static final String KIND = "Scale";

  public Scale() {
    super(API_VERSION, KIND);
  }
}

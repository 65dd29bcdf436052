package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeObject;

/** apps/v1 Deployment. */
public class Deployment extends KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "Deployment";

  public Deployment() {
    super(API_VERSION, KIND);
  }
}

package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeObject;

/** apps/v1 Deployment. */
public class Deployment extends KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "Deployment";

  public DeploymentSpec spec;
  public DeploymentStatus status;

  public Deployment() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public DeploymentSpec spec() {
    if (spec == null) {
      spec = new DeploymentSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public DeploymentStatus status() {
    if (status == null) {
      status = new DeploymentStatus();
    }
    return status;
  }
}

package dev.skiff.api.model.autoscaling;

import dev.skiff.api.model.meta.KubeObject;

/** autoscaling/v1 Scale: the scale subresource of Deployments and ReplicaSets. */
public class Scale extends KubeObject {
  public static final String API_VERSION = "autoscaling/v1";
  public static final String KIND = "Scale";

  public ScaleSpec spec;
  public ScaleStatus status;

  public Scale() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public ScaleSpec spec() {
    if (spec == null) {
      spec = new ScaleSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public ScaleStatus status() {
    if (status == null) {
      status = new ScaleStatus();
    }
    return status;
  }
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Pod. */
public class Pod extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Pod";

  public PodSpec spec;
  public PodStatus status;

  public Pod() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public PodSpec spec() {
    if (spec == null) {
      spec = new PodSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public PodStatus status() {
    if (status == null) {
      status = new PodStatus();
    }
    return status;
  }
}

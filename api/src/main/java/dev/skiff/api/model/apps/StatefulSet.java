package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeObject;

/** apps/v1 StatefulSet: pods with stable names, started and stopped in order. */
public class StatefulSet extends KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "StatefulSet";

  public StatefulSetSpec spec;
  public StatefulSetStatus status;

  public StatefulSet() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public StatefulSetSpec spec() {
    if (spec == null) {
      spec = new StatefulSetSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public StatefulSetStatus status() {
    if (status == null) {
      status = new StatefulSetStatus();
    }
    return status;
  }
}

package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeObject;

/** apps/v1 DaemonSet: one pod per eligible node. */
public class DaemonSet extends KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "DaemonSet";

  public DaemonSetSpec spec;
  public DaemonSetStatus status;

  public DaemonSet() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public DaemonSetSpec spec() {
    if (spec == null) {
      spec = new DaemonSetSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public DaemonSetStatus status() {
    if (status == null) {
      status = new DaemonSetStatus();
    }
    return status;
  }
}

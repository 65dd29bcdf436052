package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeObject;

/** apps/v1 ReplicaSet. */
public class ReplicaSet extends KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "ReplicaSet";

  public ReplicaSetSpec spec;
  public ReplicaSetStatus status;

  public ReplicaSet() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public ReplicaSetSpec spec() {
    if (spec == null) {
      spec = new ReplicaSetSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public ReplicaSetStatus status() {
    if (status == null) {
      status = new ReplicaSetStatus();
    }
    return status;
  }
}

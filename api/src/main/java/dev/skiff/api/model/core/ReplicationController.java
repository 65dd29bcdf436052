package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 ReplicationController: the legacy ReplicaSet with an equality selector. */
public class ReplicationController extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "ReplicationController";

  public ReplicationControllerSpec spec;
  public ReplicationControllerStatus status;

  public ReplicationController() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public ReplicationControllerSpec spec() {
    if (spec == null) {
      spec = new ReplicationControllerSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public ReplicationControllerStatus status() {
    if (status == null) {
      status = new ReplicationControllerStatus();
    }
    return status;
  }
}

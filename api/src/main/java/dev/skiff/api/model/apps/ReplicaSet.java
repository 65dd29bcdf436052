package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeObject;

/** apps/v1 ReplicaSet. */
public class ReplicaSet extends KubeObject {
  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "ReplicaSet";

  public ReplicaSet() {
    super(API_VERSION, KIND);
  }
}

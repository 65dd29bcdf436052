package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeList;

/** apps/v1 ReplicaSetList. */
public class ReplicaSetList extends KubeList<ReplicaSet> {
  public ReplicaSetList() {
    apiVersion = ReplicaSet.API_VERSION;
    kind = "ReplicaSetList";
  }
}

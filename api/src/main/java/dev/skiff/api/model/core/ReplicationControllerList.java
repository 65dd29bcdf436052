package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 ReplicationControllerList. */
public class ReplicationControllerList extends KubeList<ReplicationController> {
  public ReplicationControllerList() {
    apiVersion = ReplicationController.API_VERSION;
    kind = "ReplicationControllerList";
  }
}

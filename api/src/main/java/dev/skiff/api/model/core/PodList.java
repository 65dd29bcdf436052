package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 PodList. */
public class PodList extends KubeList<Pod> {
  public PodList() {
    apiVersion = Pod.API_VERSION;
    kind = "PodList";
  }
}

package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeList;

/** apps/v1 DaemonSetList. */
public class DaemonSetList extends KubeList<DaemonSet> {
  public DaemonSetList() {
    apiVersion = DaemonSet.API_VERSION;
    kind = "DaemonSetList";
  }
}

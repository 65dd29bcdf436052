package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeList;

/** apps/v1 StatefulSetList. */
public class StatefulSetList extends KubeList<StatefulSet> {
  public StatefulSetList() {
    apiVersion = StatefulSet.API_VERSION;
    kind = "StatefulSetList";
  }
}

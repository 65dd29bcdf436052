package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.KubeList;

/** apps/v1 ControllerRevisionList. */
public class ControllerRevisionList extends KubeList<ControllerRevision> {
  public ControllerRevisionList() {
    apiVersion = ControllerRevision.API_VERSION;
    kind = "ControllerRevisionList";
  }
}

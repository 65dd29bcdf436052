package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 NamespaceList. */
public class NamespaceList extends KubeList<Namespace> {
  public NamespaceList() {
    apiVersion = Namespace.API_VERSION;
    kind = "NamespaceList";
  }
}

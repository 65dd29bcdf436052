package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeList;

/** v1 NodeList. */
public class NodeList extends KubeList<Node> {
  public NodeList() {
    apiVersion = Node.API_VERSION;
    kind = "NodeList";
  }
}

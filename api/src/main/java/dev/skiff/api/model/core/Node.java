package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Node. */
public class Node extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Node";

  public NodeSpec spec;
  public NodeStatus status;

  public Node() {
    super(API_VERSION, KIND);
  }

  /** The spec, created empty on first use. */
  public NodeSpec spec() {
    if (spec == null) {
      spec = new NodeSpec();
    }
    return spec;
  }

  /** The status, created empty on first use. */
  public NodeStatus status() {
    if (status == null) {
      status = new NodeStatus();
    }
    return status;
  }
}

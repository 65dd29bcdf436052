package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.KubeObject;

/** v1 Node. */
public class Node extends KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Node";

  public Node() {
    super(API_VERSION, KIND);
  }
}

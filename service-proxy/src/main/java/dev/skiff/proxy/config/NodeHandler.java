package dev.skiff.proxy.config;

import dev.skiff.api.model.core.Node;

/** Receives Node changes (kube-proxy's config.NodeHandler). */
public interface NodeHandler {
  void onNodeAdd(Node node);

  void onNodeUpdate(Node oldNode, Node node);

  void onNodeDelete(Node node);

  /** The initial list has been delivered. */
  void onNodesSynced();
}

package dev.skiff.proxy.lb;

import dev.skiff.proxy.model.NodeInfo;

/**
 * Where a node's health is checked (an HTTP URL answering 200 when healthy), or null when the node
 * has no health endpoint (then its Ready condition alone decides).
 */
@FunctionalInterface
public interface HealthUrls {
  String url(NodeInfo node);

  /** {@code http://<node address>:<port>/healthz}: the node agents' health port. */
  static HealthUrls healthzOnPort(int port) {
    return node -> {
      String host = node.address().indexOf(':') >= 0 ? "[" + node.address() + "]" : node.address();
      return "http://" + host + ":" + port + "/healthz";
    };
  }
}

package dev.skiff.api.model.core;

import dev.skiff.api.model.meta.Extensible;

/** v1 NodeDaemonEndpoints. */
public class NodeDaemonEndpoints extends Extensible {
  public DaemonEndpoint kubeletEndpoint;
}

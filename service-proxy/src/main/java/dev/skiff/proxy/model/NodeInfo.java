package dev.skiff.proxy.model;

import java.util.Objects;

/** A cluster node as the load-balancer role sees it: where its NodePorts answer. */
public record NodeInfo(String name, String address, boolean ready) {
  public NodeInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
  }
}

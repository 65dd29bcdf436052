package dev.skiff.proxy.model;

import java.util.Objects;

/**
 * Identifies one port of one Service, like kube-proxy's ServicePortName: {@code
 * namespace/name:port} ({@code namespace/name} when the port is unnamed).
 */
public record ServicePortName(String namespace, String name, String port) {
  public ServicePortName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    port = port == null ? "" : port;
  }

  @Override
  public String toString() {
    return port.isEmpty() ? namespace + "/" + name : namespace + "/" + name + ":" + port;
  }
}

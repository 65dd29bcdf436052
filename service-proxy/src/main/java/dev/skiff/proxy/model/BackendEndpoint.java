package dev.skiff.proxy.model;

import java.util.Objects;

/**
 * One Ready endpoint of a Service port.
 *
 * @param ip the endpoint address (IPv4 or IPv6 literal)
 * @param port the target port
 * @param nodeName the node the endpoint runs on, or "" when unknown
 * @param local whether the endpoint runs on the node of this proxy
 */
public record BackendEndpoint(String ip, int port, String nodeName, boolean local) {
  public BackendEndpoint {
    Objects.requireNonNull(ip, "ip");
    nodeName = nodeName == null ? "" : nodeName;
  }

  public static BackendEndpoint of(String ip, int port) {
    return new BackendEndpoint(ip, port, "", false);
  }

  /** {@code ip:port}, with brackets for IPv6. */
  public String hostPort() {
    return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + port : ip + ":" + port;
  }
}

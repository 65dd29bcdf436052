package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.metrics.EndpointStats;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A resolved backend address with its counters; equal when the address is equal. */
final class Target {
  final InetSocketAddress address;
  final String hostPort;
  final EndpointStats stats;

  Target(String ip, int port, String hostPort, EndpointStats stats) {
    InetAddress literal = NetUtil.createInetAddressFromIpAddressString(ip);
    if (literal == null) {
      throw new IllegalArgumentException("not an IP address: " + ip);
    }
    this.address = new InetSocketAddress(literal, port);
    this.hostPort = hostPort;
    this.stats = stats;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && t.address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  @Override
  public String toString() {
    return hostPort;
  }
}

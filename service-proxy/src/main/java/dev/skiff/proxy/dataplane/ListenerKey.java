package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.model.Protocol;

/** One socket the data plane listens on: protocol, address and port. */
public record ListenerKey(Protocol protocol, String ip, int port) {
  @Override
  public String toString() {
    return protocol + " " + (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
  }
}

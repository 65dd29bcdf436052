package dev.skiff.dns.zone;

import java.util.Locale;

/**
 * One port of a Service or of an EndpointSlice.
 *
 * @param name the port name; null or empty for an unnamed port (no SRV record)
 * @param protocol TCP, UDP or SCTP (null means TCP)
 * @param port the port number
 */
public record PortEntry(String name, String protocol, int port) {

  public PortEntry {
    protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
  }

  public boolean named() {
    return name != null && !name.isEmpty();
  }

  /** The SRV label pair {@code _<name>._<proto>}, lower case. */
  String srvPrefix() {
    return "_" + name.toLowerCase(Locale.ROOT) + "._" + protocol.toLowerCase(Locale.ROOT);
  }
}

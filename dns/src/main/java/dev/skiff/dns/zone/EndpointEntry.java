package dev.skiff.dns.zone;

import java.util.List;

/**
 * One address of an EndpointSlice endpoint.
 *
 * @param ip the address (IPv4 or IPv6)
 * @param hostname the endpoint's hostname (pod hostname with subdomain), or null
 * @param ready the endpoint's Ready condition
 * @param nodeName the node the endpoint runs on, or null
 * @param targetRef the name of the referenced Pod, or null
 * @param ports the ports of the slice this endpoint belongs to
 */
public record EndpointEntry(
    String ip,
    String hostname,
    boolean ready,
    String nodeName,
    String targetRef,
    List<PortEntry> ports) {

  public EndpointEntry {
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  public static EndpointEntry ready(String ip, String hostname, PortEntry... ports) {
    return new EndpointEntry(ip, hostname, true, null, null, List.of(ports));
  }

  public static EndpointEntry notReady(String ip, String hostname, PortEntry... ports) {
    return new EndpointEntry(ip, hostname, false, null, null, List.of(ports));
  }

  /**
   * The endpoint's DNS label: its hostname, else a system-assigned identifier derived from its
   * address (dots and colons replaced by dashes, as CoreDNS does).
   */
  public String dnsLabel() {
    if (hostname != null && !hostname.isEmpty()) {
      return hostname;
    }
    return ip.replace('.', '-').replace(':', '-');
  }
}

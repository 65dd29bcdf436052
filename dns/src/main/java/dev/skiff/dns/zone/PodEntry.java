package dev.skiff.dns.zone;

import java.util.List;

/** A Pod's addresses, for pod records {@code a-b-c-d.<ns>.pod.<zone>} in verified mode. */
public record PodEntry(String namespace, String name, List<String> ips) {
  public PodEntry {
    ips = ips == null ? List.of() : List.copyOf(ips);
  }

  public static PodEntry of(String namespace, String name, String ip) {
    return new PodEntry(namespace, name, List.of(ip));
  }

  public ZoneKey key() {
    return new ZoneKey(namespace, name);
  }
}

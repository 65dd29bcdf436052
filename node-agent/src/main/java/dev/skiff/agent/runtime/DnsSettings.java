package dev.skiff.agent.runtime;

import java.util.List;

/** A pod's resolv.conf: nameservers, search path and options (e.g. {@code ndots:5}). */
public record DnsSettings(List<String> nameservers, List<String> searches, List<String> options) {
  public static final DnsSettings HOST = new DnsSettings(List.of(), List.of(), List.of());

  /** True when the host's own resolver configuration applies. */
  public boolean isHost() {
    return nameservers.isEmpty() && searches.isEmpty() && options.isEmpty();
  }
}

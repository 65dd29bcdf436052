package dev.skiff.agent.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a CIDR local on this host ({@code ip route add local CIDR dev lo}): packets for any of its
 * addresses are delivered to sockets on this machine, so containers reach Service IPs through their
 * gateway and nothing for that range leaves the host. Removes only a route it added itself.
 * Blocking (runs {@code ip}).
 */
public final class LocalRoute {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRoute.class);

  private final String cidr;
  private boolean added;

  public LocalRoute(String cidr) {
    this.cidr = cidr;
  }

  /** Adds the route; true if this call added it, false if it was there already. */
  public boolean add() {
    Ip.Result r = ip("route", "add", "local", cidr, "dev", "lo");
    if (r.code() == 0) {
      added = true;
      LOG.info("made {} local on this host", cidr);
      return true;
    }
    if (r.output().contains("File exists")) {
      return false;
    }
    throw new IllegalStateException("ip route add local " + cidr + " dev lo failed: " + r.output());
  }

  /** Removes the route if {@link #add()} added it. */
  public void remove() {
    if (added) {
      Ip.Result r = ip("route", "del", "local", cidr, "dev", "lo");
      if (r.code() != 0) {
        LOG.warn("ip route del local {} dev lo failed: {}", cidr, r.output());
      }
      added = false;
    }
  }

  /** True if the local table has a local route for exactly this CIDR. */
  public static boolean exists(String cidr) {
    return ip("route", "show", "table", "local", cidr).output().contains("local " + cidr);
  }

  private static Ip.Result ip(String... args) {
    return Ip.run(args);
  }
}

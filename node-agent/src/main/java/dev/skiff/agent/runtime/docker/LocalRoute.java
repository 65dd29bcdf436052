package dev.skiff.agent.runtime.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a CIDR local on this host ({@code ip route add local CIDR dev lo}): packets for any of its
 * addresses are delivered to sockets on this machine, so containers reach Service IPs through their
 * gateway and nothing for that range leaves the host. Removes only a route it added itself.
 * Blocking (runs {@code ip}).
 */
final class LocalRoute {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRoute.class);

  private final String cidr;
  private boolean added;

  LocalRoute(String cidr) {
    this.cidr = cidr;
  }

  /** Adds the route; true if this call added it, false if it was there already. */
  boolean add() {
    Result r = ip("route", "add", "local", cidr, "dev", "lo");
    if (r.code == 0) {
      added = true;
      LOG.info("made {} local on this host", cidr);
      return true;
    }
    if (r.output.contains("File exists")) {
      return false;
    }
    throw new IllegalStateException("ip route add local " + cidr + " dev lo failed: " + r.output);
  }

  /** Removes the route if {@link #add()} added it. */
  void remove() {
    if (added) {
      Result r = ip("route", "del", "local", cidr, "dev", "lo");
      if (r.code != 0) {
        LOG.warn("ip route del local {} dev lo failed: {}", cidr, r.output);
      }
      added = false;
    }
  }

  /** True if the local table has a local route for exactly this CIDR. */
  static boolean exists(String cidr) {
    return ip("route", "show", "table", "local", cidr).output.contains("local " + cidr);
  }

  private record Result(int code, String output) {}

  private static Result ip(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "ip";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}

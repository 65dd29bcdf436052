package dev.skiff.cli.embedded.docker;

import dev.skiff.agent.runtime.Cidr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Host routes through {@code ip(8)}: makes a CIDR local ({@code ip route add local CIDR dev lo}, so
 * sockets on this host answer for every address in it and no packet for it leaves the machine),
 * removes such a route, and lists the host's routes to find ranges already in use. Blocking.
 */
public final class LocalRoutes {
  private static final Set<String> ROUTE_TYPES =
      Set.of(
          "local",
          "broadcast",
          "unicast",
          "blackhole",
          "unreachable",
          "prohibit",
          "throw",
          "anycast",
          "multicast",
          "nat");

  private LocalRoutes() {}

  /** Adds the local route; a route that is already there is fine. */
  public static void add(String cidr) throws IOException {
    Result r = ip("route", "add", "local", cidr, "dev", "lo");
    if (r.code != 0 && !r.output.contains("File exists")) {
      throw new IOException(
          "cannot make "
              + cidr
              + " local on this host (ip route add local "
              + cidr
              + " dev lo: "
              + r.output.strip()
              + "); the Docker runtime needs root or CAP_NET_ADMIN");
    }
  }

  /** Removes the local route; a route that is already gone is fine. */
  public static void remove(String cidr) throws IOException {
    if (!exists(cidr)) {
      return;
    }
    Result r = ip("route", "del", "local", cidr, "dev", "lo");
    if (r.code != 0 && exists(cidr)) {
      throw new IOException("ip route del local " + cidr + " dev lo: " + r.output.strip());
    }
  }

  /** True if the local table holds a local route for exactly this CIDR. */
  public static boolean exists(String cidr) {
    return ip("route", "show", "table", "local", "type", "local", cidr)
        .output
        .contains("local " + cidr);
  }

  /** The destination prefix of every IPv4 route in every table ("default" left out). */
  public static List<String> hostRoutes() throws IOException {
    Result r = ip("-4", "route", "show", "table", "all");
    if (r.code != 0) {
      throw new IOException("ip route show table all: " + r.output.strip());
    }
    List<String> prefixes = new ArrayList<>();
    for (String line : r.output.lines().toList()) {
      String[] words = line.strip().split("\\s+");
      String prefix = words.length > 1 && ROUTE_TYPES.contains(words[0]) ? words[1] : words[0];
      if (!prefix.isEmpty() && Character.isDigit(prefix.charAt(0))) {
        prefixes.add(prefix.contains("/") ? prefix : prefix + "/32");
      }
    }
    return prefixes;
  }

  /** Whether any of {@code prefixes} shares an address with {@code cidr}. */
  public static boolean overlaps(List<String> prefixes, String cidr) {
    Cidr range = Cidr.parse(cidr);
    for (String prefix : prefixes) {
      Cidr other = Cidr.parse(prefix);
      int shorter = Math.min(range.prefix(), other.prefix());
      int mask = shorter == 0 ? 0 : -1 << (32 - shorter);
      if ((range.network() & mask) == (other.network() & mask)) {
        return true;
      }
    }
    return false;
  }

  private record Result(int code, String output) {}

  private static Result ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, "cannot run ip: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}

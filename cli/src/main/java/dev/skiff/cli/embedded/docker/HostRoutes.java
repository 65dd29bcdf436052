package dev.skiff.cli.embedded.docker;

import dev.skiff.agent.runtime.Cidr;
import dev.skiff.cli.embedded.docker.HostCommand.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Host routes through {@code ip(8)}, each written {@code "TYPE CIDR"}: {@code local CIDR} ({@code
 * ip route add local CIDR dev lo}: sockets on this host answer for every address in it) and {@code
 * blackhole CIDR} (packets for it are dropped). Either way no packet for the range leaves the
 * machine. Also lists the host's routes, to find ranges already in use. Blocking.
 */
public final class HostRoutes {
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

  private HostRoutes() {}

  public static String local(String cidr) {
    return "local " + cidr;
  }

  public static String blackhole(String cidr) {
    return "blackhole " + cidr;
  }

  /** Adds the route; a route that is already there is fine. */
  public static void add(String route) throws IOException {
    Result r = ip(command("add", route));
    if (r.code() != 0 && !r.output().contains("File exists")) {
      throw new IOException(
          "cannot add the route "
              + route
              + " ("
              + String.join(" ", command("add", route))
              + ": "
              + r.output().strip()
              + "); the Docker runtime needs root or CAP_NET_ADMIN");
    }
  }

  /** Removes the route; true if it was there. */
  public static boolean remove(String route) throws IOException {
    if (!exists(route)) {
      return false;
    }
    Result r = ip(command("del", route));
    if (r.code() != 0 && exists(route)) {
      throw new IOException(String.join(" ", command("del", route)) + ": " + r.output().strip());
    }
    return true;
  }

  /** True if some table holds exactly this route. */
  public static boolean exists(String route) {
    String[] typeAndCidr = route.split(" ");
    return ip("route", "show", "table", "all", "type", typeAndCidr[0], typeAndCidr[1])
        .output()
        .startsWith(route);
  }

  private static String[] command(String action, String route) {
    String[] typeAndCidr = route.split(" ");
    return typeAndCidr[0].equals("local")
        ? new String[] {"route", action, "local", typeAndCidr[1], "dev", "lo"}
        : new String[] {"route", action, typeAndCidr[0], typeAndCidr[1]};
  }

  /** The destination prefix of every IPv4 route in every table ("default" left out). */
  public static List<String> hostRoutes() throws IOException {
    Result r = ip("-4", "route", "show", "table", "all");
    if (r.code() != 0) {
      throw new IOException("ip route show table all: " + r.output().strip());
    }
    List<String> prefixes = new ArrayList<>();
    for (String line : r.output().lines().toList()) {
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

  private static Result ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    return HostCommand.run(command);
  }
}

package dev.skiff.agent.network;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host-gateway model's routes, level-based: every other node's pod CIDR via that node's
 * InternalIP. {@link #desired} is what the Node objects ask for, {@link #current} what {@code ip -4
 * route show proto 250} lists (routes this agent installs carry that protocol number, so no other
 * route on the machine is ever touched), and {@link #commands} the {@code ip} calls that turn the
 * one into the other. Pure.
 */
public final class PodRoutes {
  /** The routing protocol number Skiff's pod routes carry (a private number, as Calico's 80). */
  public static final String PROTO = "250";

  private PodRoutes() {}

  /**
   * Pod CIDR to gateway address for every node but {@code self} that has both a pod CIDR and an
   * InternalIP; a node whose pod CIDR is this node's own is left out too.
   */
  public static Map<String, String> desired(List<Node> nodes, String self, String ownPodCidr) {
    Map<String, String> routes = new TreeMap<>();
    for (Node node : nodes) {
      if (node.meta().name == null || node.meta().name.equals(self) || node.spec == null) {
        continue;
      }
      String cidr = node.spec.podCIDR;
      if (cidr == null || cidr.isEmpty() || cidr.equals(ownPodCidr) || cidr.contains(":")) {
        continue;
      }
      String via = internalIp(node);
      if (via != null) {
        routes.put(cidr, via);
      }
    }
    return routes;
  }

  /** The routes in {@code ip -4 route show proto 250} output: "CIDR via IP dev ..." lines. */
  public static Map<String, String> current(String ipRouteShow) {
    Map<String, String> routes = new TreeMap<>();
    for (String line : ipRouteShow.lines().toList()) {
      String[] words = line.strip().split("\\s+");
      for (int i = 1; i + 1 < words.length; i++) {
        if (words[i].equals("via")) {
          String cidr = words[0].contains("/") ? words[0] : words[0] + "/32";
          routes.put(cidr, words[i + 1]);
          break;
        }
      }
    }
    return routes;
  }

  /**
   * The {@code ip} arguments that make {@code current} into {@code desired}: {@code route replace}
   * for each route missing or through another gateway, {@code route del} for each route no node
   * asks for any more.
   */
  public static List<List<String>> commands(
      Map<String, String> desired, Map<String, String> current) {
    List<List<String>> commands = new ArrayList<>();
    desired.forEach(
        (cidr, via) -> {
          if (!via.equals(current.get(cidr))) {
            commands.add(List.of("-4", "route", "replace", cidr, "via", via, "proto", PROTO));
          }
        });
    current.forEach(
        (cidr, via) -> {
          if (!desired.containsKey(cidr)) {
            commands.add(List.of("-4", "route", "del", cidr, "via", via, "proto", PROTO));
          }
        });
    return commands;
  }

  private static String internalIp(Node node) {
    if (node.status == null || node.status.addresses == null) {
      return null;
    }
    for (NodeAddress a : node.status.addresses) {
      if ("InternalIP".equals(a.type) && a.address != null && !a.address.contains(":")) {
        return a.address;
      }
    }
    return null;
  }
}

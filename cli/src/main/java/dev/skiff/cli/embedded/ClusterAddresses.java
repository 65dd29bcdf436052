package dev.skiff.cli.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The loopback addresses of one embedded cluster. Each cluster on a machine takes a slot {@code s}
 * (kept in its directory, so a restarted cluster keeps its addresses) and with it three /16 ranges
 * of 127.0.0.0/8, so clusters side by side never share an address: base octet {@code a = 64 + 3s};
 * nodes {@code 127.a.0.N}, node N's pods {@code 127.a.N.0/24}, Services {@code 127.(a+1).0.0/16}
 * (kube-dns at the 10th address), LoadBalancer ingress {@code 127.(a+2).0.0/16}.
 */
public record ClusterAddresses(int slot) {
  public static final int SLOTS = 63;

  int base() {
    return 64 + 3 * slot;
  }

  public String nodeAddress(int node) {
    return "127." + base() + ".0." + node;
  }

  public String podCidr(int node) {
    return "127." + base() + "." + node + ".0/24";
  }

  public String serviceCidr() {
    return "127." + (base() + 1) + ".0.0/16";
  }

  /** The 10th address of the service range, as Kubernetes gives kube-dns. */
  public String dnsServiceIp() {
    return dev.skiff.dns.KubeDnsService.clusterIp(serviceCidr());
  }

  public String loadBalancerPool() {
    return "127." + (base() + 2) + ".0.0/16";
  }

  /**
   * Whether another cluster on this machine (perhaps under another SKIFF_HOME) already uses this
   * slot: its first node's agent port is then taken.
   */
  boolean looksFree() {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.bind(new java.net.InetSocketAddress(nodeAddress(1), 10250));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The slot recorded in {@code dir}, or the lowest slot no other cluster under {@code clustersDir}
   * records, which is then recorded.
   */
  public static ClusterAddresses forCluster(Path dir) throws IOException {
    Path file = dir.resolve("slot");
    if (Files.exists(file)) {
      return new ClusterAddresses(Integer.parseInt(Files.readString(file).strip()));
    }
    Set<Integer> taken = new HashSet<>();
    Path clusters = dir.getParent();
    if (clusters != null && Files.isDirectory(clusters)) {
      try (var others = Files.list(clusters)) {
        for (Path other : others.toList()) {
          Path slot = other.resolve("slot");
          if (!other.equals(dir) && Files.exists(slot)) {
            taken.add(Integer.parseInt(Files.readString(slot).strip()));
          }
        }
      }
    }
    for (int s = 0; s < SLOTS; s++) {
      if (!taken.contains(s) && new ClusterAddresses(s).looksFree()) {
        Files.createDirectories(dir);
        Files.writeString(file, Integer.toString(s));
        return new ClusterAddresses(s);
      }
    }
    throw new IOException(
        "all "
            + SLOTS
            + " cluster address slots are taken; remove a cluster with skiff down --purge");
  }
}

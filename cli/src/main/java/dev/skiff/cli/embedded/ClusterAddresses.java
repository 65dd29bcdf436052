package dev.skiff.cli.embedded;

import dev.skiff.api.files.PrivateFiles;
import dev.skiff.cli.embedded.docker.HostRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses of one embedded cluster. Each cluster on a machine takes a slot {@code s} (kept in
 * its directory, so a restarted cluster keeps its addresses), and with it ranges no other cluster
 * uses.
 *
 * <p>Process runtime: three /16 ranges of 127.0.0.0/8, base octet {@code a = 64 + 3s}: nodes {@code
 * 127.a.0.N}, node N's pods {@code 127.a.N.0/24}, Services {@code 127.(a+1).0.0/16} (kube-dns at
 * the 10th address), LoadBalancer ingress {@code 127.(a+2).0.0/16}.
 *
 * <p>Docker runtime: containers cannot reach the host's loopback, so a /19 of 10.112.0.0/13 that
 * the cluster makes local on the host ({@link #localRange()}, {@code ip route add local ... dev
 * lo}): Services in its first /20 (kube-dns at the 10th address), LoadBalancer ingress in the next
 * /21, nodes in the last /24 but 7; node N's pods on a Docker bridge network {@code
 * 10.(128+s).N.0/24}. For slot 0: Services 10.112.0.0/20, kube-dns 10.112.0.10, LoadBalancer
 * 10.112.16.0/21, nodes 10.112.24.N, pods 10.128.N.0/24.
 */
public record ClusterAddresses(int slot, boolean docker) {
  public static final int SLOTS = 63;

  int base() {
    return 64 + 3 * slot;
  }

  /** The docker block's first two octets and third octet: 10.(112 + s/8).(32 * (s%8)).0/19. */
  private String block(int thirdOffset) {
    return "10." + (112 + slot / 8) + "." + (32 * (slot % 8) + thirdOffset);
  }

  public String nodeAddress(int node) {
    return docker ? block(24) + "." + node : "127." + base() + ".0." + node;
  }

  public String podCidr(int node) {
    return docker
        ? "10." + (128 + slot) + "." + node + ".0/24"
        : "127." + base() + "." + node + ".0/24";
  }

  public String serviceCidr() {
    return docker ? block(0) + ".0/20" : "127." + (base() + 1) + ".0.0/16";
  }

  /** The 10th address of the service range, as Kubernetes gives kube-dns. */
  public String dnsServiceIp() {
    return dev.skiff.dns.KubeDnsService.clusterIp(serviceCidr());
  }

  public String loadBalancerPool() {
    return docker ? block(16) + ".0/21" : "127." + (base() + 2) + ".0.0/16";
  }

  /** Docker runtime: the range made local on the host (Services, LoadBalancer IPs, nodes). */
  public String localRange() {
    return block(0) + ".0/19";
  }

  /** Docker runtime: the range the nodes' pod networks come from. */
  public String podRange() {
    return "10." + (128 + slot) + ".0.0/16";
  }

  /** The ranges in one line, for {@code skiff up}'s output. */
  public String summary() {
    String pods = podCidr(1).replace(".1.0/24", ".N.0/24");
    String ranges =
        "Services " + serviceCidr() + ", LoadBalancer IPs " + loadBalancerPool() + ", pods " + pods;
    return docker ? ranges + "; " + localRange() + " is local on this host" : ranges;
  }

  /**
   * Whether another cluster on this machine (perhaps under another SKIFF_HOME) already uses this
   * slot: its first node's agent port is then taken or, for the Docker runtime, a route of the host
   * (another cluster's local range, a Docker network) overlaps the slot's ranges.
   */
  boolean looksFree(List<String> hostRoutes) {
    if (docker
        && (HostRoutes.overlaps(hostRoutes, localRange())
            || HostRoutes.overlaps(hostRoutes, podRange()))) {
      return false;
    }
    ClusterAddresses loopback = new ClusterAddresses(slot, false);
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.bind(new java.net.InetSocketAddress(loopback.nodeAddress(1), 10250));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The slot recorded in {@code dir}, or the lowest slot no other cluster under {@code clustersDir}
   * records and no other cluster on this machine holds, which is then recorded. The returned claim
   * holds the slot (see {@link SlotClaim}) until it is closed, when the cluster stops.
   *
   * @throws IOException when the recorded slot is held by another running cluster, or every slot is
   */
  public static SlotClaim forCluster(Path dir, boolean docker) throws IOException {
    Path file = dir.resolve("slot");
    if (Files.exists(file)) {
      ClusterAddresses recorded =
          new ClusterAddresses(Integer.parseInt(Files.readString(file).strip()), docker);
      SlotClaim claim = SlotClaim.tryClaim(recorded);
      if (claim == null) {
        throw new IOException(
            "the cluster's addresses ("
                + recorded.summary()
                + ") are in use by another cluster on this machine");
      }
      return claim;
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
    List<String> routes = docker ? HostRoutes.hostRoutes() : List.of();
    for (int s = 0; s < SLOTS; s++) {
      if (taken.contains(s)) {
        continue;
      }
      ClusterAddresses candidate = new ClusterAddresses(s, docker);
      // claimed first, then probed: two clusters starting at once cannot both pass the probe
      SlotClaim claim = SlotClaim.tryClaim(candidate);
      if (claim == null) {
        continue;
      }
      if (candidate.looksFree(routes)) {
        PrivateFiles.writeString(file, Integer.toString(s));
        return claim;
      }
      claim.close();
    }
    throw new IOException(
        "all "
            + SLOTS
            + " cluster address slots are taken; remove a cluster with skiff down --purge");
  }

  /**
   * A running cluster's hold on its slot, across processes and within one: a UDP socket bound
   * (without address reuse) to port 10250 of the slot's first loopback address {@code 127.a.0.0},
   * which no node uses. The kernel lets one socket bind it, so of two clusters choosing addresses
   * at the same moment exactly one gets the slot (the probe of {@link #looksFree} alone left a
   * window between the probe and the node agents' bind: both clusters saw slot 0 free and one
   * failed with "Address already in use" on 127.64.0.1:10250). The claim ends with the process, so
   * a crashed cluster leaves nothing behind.
   */
  public static final class SlotClaim implements AutoCloseable {
    private final ClusterAddresses addresses;
    private final java.net.DatagramSocket socket;

    private SlotClaim(ClusterAddresses addresses, java.net.DatagramSocket socket) {
      this.addresses = addresses;
      this.socket = socket;
    }

    /** The claim of the slot, or null when another cluster holds it. */
    static SlotClaim tryClaim(ClusterAddresses addresses) throws java.net.SocketException {
      java.net.DatagramSocket socket = new java.net.DatagramSocket(null);
      try {
        socket.setReuseAddress(false);
        socket.bind(new java.net.InetSocketAddress(addresses.claimAddress(), CLAIM_PORT));
        return new SlotClaim(addresses, socket);
      } catch (java.net.SocketException e) {
        socket.close();
        return null;
      }
    }

    public ClusterAddresses addresses() {
      return addresses;
    }

    /** Gives the slot back (the cluster has stopped). */
    @Override
    public void close() {
      socket.close();
    }
  }

  /** The port of the slot claim's socket (UDP, on {@link #claimAddress()}). */
  static final int CLAIM_PORT = 10250;

  /** 127.a.0.0: in the slot's node range (on the loopback whatever the runtime), no node's. */
  String claimAddress() {
    return "127." + base() + ".0.0";
  }
}

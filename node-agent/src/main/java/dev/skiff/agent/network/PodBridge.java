package dev.skiff.agent.network;

import dev.skiff.agent.runtime.Cidr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge pod network of the process runtime (the CNI bridge plugin's model): a bridge {@value
 * #BRIDGE} holding the first address of the node's pod CIDR as the pods' gateway, and per pod a
 * network namespace {@code skiff-NODE-UID} joined to it by a veth pair, with the pod's address on
 * its {@code eth0} and a default route via the gateway. The node forwards IPv4 (so pods reach other
 * nodes' pods through {@link PodRouteSync}'s routes), and the Service range is made local on the
 * node so that pods reach ClusterIPs through their gateway. Needs root. Blocking.
 */
public final class PodBridge {
  private static final Logger LOG = LoggerFactory.getLogger(PodBridge.class);
  public static final String BRIDGE = "skiff0";
  private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");
  private static final Path NETNS_DIR = Path.of("/run/netns");
  private static final String NSENTER = "/usr/bin/nsenter";

  private final Cidr range;
  private final String nodeName;
  private final LocalRoute services;

  /**
   * @param serviceCidr made local on the node while the bridge is up (null, or a loopback range
   *     that is local already, for none)
   */
  public PodBridge(Cidr range, String nodeName, String serviceCidr) {
    this.range = range;
    this.nodeName = nodeName;
    this.services =
        serviceCidr == null || serviceCidr.startsWith("127.") ? null : new LocalRoute(serviceCidr);
  }

  /** The pods' gateway: the pod CIDR's first address, on the bridge. */
  public String gateway() {
    return range.host(0);
  }

  /**
   * Creates (or keeps) the bridge with the gateway address, enables forwarding, makes the Service
   * range local, and removes the namespaces of pods an earlier agent of this node left.
   */
  public void setUp() throws IOException {
    if (range.network() >>> 24 == 127) {
      throw new IllegalArgumentException(
          "the bridge pod network needs a pod CIDR outside 127.0.0.0/8 (got " + range + ")");
    }
    Ip.Result added = Ip.run("link", "add", BRIDGE, "type", "bridge");
    if (!added.ok() && !added.output().contains("File exists")) {
      throw new IOException(
          "cannot create the pod bridge " + BRIDGE + ": " + added.output().strip());
    }
    Ip.check(List.of("addr", "replace", gateway() + "/" + range.prefix(), "dev", BRIDGE));
    Ip.check(List.of("link", "set", BRIDGE, "up"));
    if (!Files.readString(IP_FORWARD).strip().equals("1")) {
      Files.writeString(IP_FORWARD, "1");
      LOG.info("enabled IPv4 forwarding (net.ipv4.ip_forward=1) for pod traffic between nodes");
    }
    if (services != null) {
      services.add();
    }
    for (String line : Ip.check(List.of("netns", "list")).lines().toList()) {
      String name = line.strip().split("\\s+")[0];
      if (name.startsWith(prefix())) {
        Ip.run("netns", "del", name);
        LOG.info("removed the network namespace {} an earlier agent left", name);
      }
    }
    LOG.info("pod network: bridge {} with gateway {}/{}", BRIDGE, gateway(), range.prefix());
  }

  /** Gives the pod its network namespace, veth pair and address. */
  public void attach(String podUid, String ip) {
    String ns = namespace(podUid);
    String veth = veth(podUid);
    Ip.run("netns", "del", ns);
    Ip.check(List.of("netns", "add", ns));
    try {
      Ip.check(List.of("link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns));
      Ip.check(List.of("link", "set", veth, "master", BRIDGE, "up"));
      Ip.check(List.of("-n", ns, "link", "set", "lo", "up"));
      Ip.check(List.of("-n", ns, "addr", "add", ip + "/" + range.prefix(), "dev", "eth0"));
      Ip.check(List.of("-n", ns, "link", "set", "eth0", "up"));
      Ip.check(List.of("-n", ns, "route", "add", "default", "via", gateway()));
    } catch (RuntimeException e) {
      detach(podUid);
      throw e;
    }
  }

  /** Removes the pod's namespace and veth pair (the pod's processes have stopped). */
  public void detach(String podUid) {
    Ip.run("link", "del", veth(podUid));
    Ip.run("netns", "del", namespace(podUid));
  }

  /** The command run inside the pod's network namespace. */
  public List<String> enter(String podUid, List<String> command) {
    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace(podUid)));
    argv.addAll(command);
    return argv;
  }

  /**
   * The command run inside the pod's network namespace from {@code workDir} (an exec into a pod
   * that has no mount namespace of its own, which starts from there as the container did).
   */
  public List<String> enter(String podUid, Path workDir, List<String> command) {
    List<String> argv =
        new ArrayList<>(
            List.of(NSENTER, "--net=" + NETNS_DIR.resolve(namespace(podUid)), "--wd=" + workDir));
    argv.addAll(command);
    return argv;
  }

  /** Removes the Service range's local route if {@link #setUp} added it. */
  public void close() {
    if (services != null) {
      services.remove();
    }
  }

  String namespace(String podUid) {
    return prefix() + podUid;
  }

  private String prefix() {
    return "skiff-" + nodeName + "-";
  }

  /** A host-side interface name of at most 15 characters, one per pod of this node. */
  String veth(String podUid) {
    return String.format("sk%08x", (nodeName + "/" + podUid).hashCode());
  }
}

package dev.skiff.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a node agent is configured with. Start from {@link #defaults(int, String)} (node
 * {@code N} of a local cluster) and adjust with the {@code with...} methods.
 *
 * @param address InternalIP: where the agent's HTTP server listens (and NodePorts will)
 * @param port the agent's HTTP port (10250 like the kubelet; 0 = any free port)
 * @param token bearer token for the API server, or null
 * @param kubeconfig a kubeconfig to reach the API server with instead (server, token, TLS
 *     settings), or null
 * @param runtime "process" (default) or "docker"
 * @param podCidr this node's pod range
 * @param podNetwork how the process runtime gives pods their addresses: {@value #LOOPBACK}
 *     (default: loopback addresses, reachable from this node only) or {@value #BRIDGE} (root: a
 *     network namespace per pod on the node's bridge, routable from other nodes)
 * @param dataDir logs and runtime state
 * @param serviceCidr the Service range (the Docker runtime makes it local on the host), or null
 * @param clusterDns DNS servers for dnsPolicy ClusterFirst
 * @param leaseRenewInterval how often the node Lease is renewed
 * @param statusInterval how often the Node status is re-reported
 * @param podResync how often every pod is re-synced without events
 * @param podWorkers pods synced at once (default {@value #POD_WORKERS}: more than a node's 110
 *     pods, so that, as the kubelet's per-pod workers, no pod waits for another's sync)
 * @param logMaxBytes log size at which a container's log rotates
 * @param logMaxFiles log files kept per container instance
 * @param docker socket, pause image and network of the Docker runtime
 * @param components what else runs on the node (service proxy, DNS)
 */
public record NodeAgentOptions(
    String name,
    String address,
    String hostname,
    int port,
    String apiServer,
    String token,
    Path kubeconfig,
    String runtime,
    String podCidr,
    String podNetwork,
    Path dataDir,
    String serviceCidr,
    List<String> clusterDns,
    String clusterDomain,
    Map<String, String> labels,
    Map<String, String> capacity,
    Duration leaseDuration,
    Duration leaseRenewInterval,
    Duration statusInterval,
    Duration backoffInitial,
    Duration backoffMax,
    Duration podResync,
    int podWorkers,
    long logMaxBytes,
    int logMaxFiles,
    DockerOptions docker,
    List<NodeComponent> components) {

  public static final String PROCESS = "process";
  public static final String DOCKER = "docker";
  public static final String LOOPBACK = "loopback";
  public static final String BRIDGE = "bridge";

  /** Default pod workers: syncs are asynchronous, so a worker costs no thread while it waits. */
  public static final int POD_WORKERS = 128;

  /**
   * Node {@code index} (1..254) of a local cluster: name {@code node-N}, address {@code 127.0.1.N},
   * pods from {@code 127.1.N.0/24}, process runtime, state under {@code .skiff/nodes/node-N}.
   */
  public static NodeAgentOptions defaults(int index, String apiServer) {
    if (index < 1 || index > 254) {
      throw new IllegalArgumentException("node index must be in 1..254: " + index);
    }
    String name = "node-" + index;
    return new NodeAgentOptions(
        name,
        "127.0.1." + index,
        name,
        10250,
        apiServer,
        null,
        null,
        PROCESS,
        "127.1." + index + ".0/24",
        LOOPBACK,
        Path.of(".skiff", "nodes", name),
        null,
        List.of(),
        "cluster.local",
        Map.of(),
        Map.of(
            "cpu",
            String.valueOf(Runtime.getRuntime().availableProcessors()),
            "memory",
            (Runtime.getRuntime().maxMemory() / 1024 * 8) + "Ki",
            "pods",
            "110"),
        Duration.ofSeconds(40),
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        POD_WORKERS,
        10L * 1024 * 1024,
        3,
        DockerOptions.defaults(index),
        List.of());
  }

  /** The same node on the Docker runtime: pods from {@code 10.244.N.0/24} on a bridge network. */
  public NodeAgentOptions withDockerRuntime() {
    return copy(
        b -> {
          b.runtime = DOCKER;
          b.podCidr = docker.podCidr();
        });
  }

  /** Renames the node (and its hostname, if that was the name). */
  public NodeAgentOptions withName(String value) {
    return copy(
        b -> {
          if (b.hostname.equals(b.name)) {
            b.hostname = value;
          }
          b.name = value;
        });
  }

  /** {@value #LOOPBACK} or {@value #BRIDGE} (process runtime only). */
  public NodeAgentOptions withPodNetwork(String value) {
    if (!LOOPBACK.equals(value) && !BRIDGE.equals(value)) {
      throw new IllegalArgumentException(
          "pod network must be " + LOOPBACK + " or " + BRIDGE + ": " + value);
    }
    return copy(b -> b.podNetwork = value);
  }

  public NodeAgentOptions withAddress(String value) {
    return copy(b -> b.address = value);
  }

  public NodeAgentOptions withPort(int value) {
    return copy(b -> b.port = value);
  }

  public NodeAgentOptions withToken(String value) {
    return copy(b -> b.token = value);
  }

  public NodeAgentOptions withKubeconfig(Path value) {
    return copy(b -> b.kubeconfig = value);
  }

  public NodeAgentOptions withPodCidr(String value) {
    return copy(b -> b.podCidr = value);
  }

  public NodeAgentOptions withDataDir(Path value) {
    return copy(b -> b.dataDir = value);
  }

  public NodeAgentOptions withServiceCidr(String value) {
    return copy(b -> b.serviceCidr = value);
  }

  public NodeAgentOptions withClusterDns(List<String> value) {
    return copy(b -> b.clusterDns = value);
  }

  public NodeAgentOptions withLease(Duration duration, Duration renewInterval) {
    return copy(
        b -> {
          b.leaseDuration = duration;
          b.leaseRenewInterval = renewInterval;
        });
  }

  public NodeAgentOptions withBackoff(Duration initial, Duration max) {
    return copy(
        b -> {
          b.backoffInitial = initial;
          b.backoffMax = max;
        });
  }

  public NodeAgentOptions withPodResync(Duration value) {
    return copy(b -> b.podResync = value);
  }

  public NodeAgentOptions withPodWorkers(int value) {
    return copy(b -> b.podWorkers = value);
  }

  public NodeAgentOptions withLogLimits(long maxBytes, int maxFiles) {
    return copy(
        b -> {
          b.logMaxBytes = maxBytes;
          b.logMaxFiles = maxFiles;
        });
  }

  public NodeAgentOptions withDocker(DockerOptions value) {
    return copy(b -> b.docker = value);
  }

  public NodeAgentOptions withComponents(List<NodeComponent> value) {
    return copy(b -> b.components = List.copyOf(value));
  }

  private NodeAgentOptions copy(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** Mutable twin used by the {@code with...} methods. */
  private static final class Builder {
    String name;
    String address;
    String hostname;
    int port;
    String apiServer;
    String token;
    Path kubeconfig;
    String runtime;
    String podCidr;
    String podNetwork;
    Path dataDir;
    String serviceCidr;
    List<String> clusterDns;
    String clusterDomain;
    Map<String, String> labels;
    Map<String, String> capacity;
    Duration leaseDuration;
    Duration leaseRenewInterval;
    Duration statusInterval;
    Duration backoffInitial;
    Duration backoffMax;
    Duration podResync;
    int podWorkers;
    long logMaxBytes;
    int logMaxFiles;
    DockerOptions docker;
    List<NodeComponent> components;

    Builder(NodeAgentOptions o) {
      name = o.name;
      address = o.address;
      hostname = o.hostname;
      port = o.port;
      apiServer = o.apiServer;
      token = o.token;
      kubeconfig = o.kubeconfig;
      runtime = o.runtime;
      podCidr = o.podCidr;
      podNetwork = o.podNetwork;
      dataDir = o.dataDir;
      serviceCidr = o.serviceCidr;
      clusterDns = o.clusterDns;
      clusterDomain = o.clusterDomain;
      labels = o.labels;
      capacity = o.capacity;
      leaseDuration = o.leaseDuration;
      leaseRenewInterval = o.leaseRenewInterval;
      statusInterval = o.statusInterval;
      backoffInitial = o.backoffInitial;
      backoffMax = o.backoffMax;
      podResync = o.podResync;
      podWorkers = o.podWorkers;
      logMaxBytes = o.logMaxBytes;
      logMaxFiles = o.logMaxFiles;
      docker = o.docker;
      components = o.components;
    }

    NodeAgentOptions build() {
      return new NodeAgentOptions(
          name,
          address,
          hostname,
          port,
          apiServer,
          token,
          kubeconfig,
          runtime,
          podCidr,
          podNetwork,
          dataDir,
          serviceCidr,
          clusterDns,
          clusterDomain,
          labels,
          capacity,
          leaseDuration,
          leaseRenewInterval,
          statusInterval,
          backoffInitial,
          backoffMax,
          podResync,
          podWorkers,
          logMaxBytes,
          logMaxFiles,
          docker,
          components);
    }
  }
}

package dev.skiff.agent;

/**
 * The Docker runtime's settings.
 *
 * @param socket the engine's unix socket
 * @param podCidr the subnet of this node's bridge network (pod IPs are container IPs)
 * @param network the bridge network's name
 * @param pauseImage the image of each pod's network-holding first container (must exist locally)
 * @param cluster the value of the {@code dev.skiff.cluster} label on the node's containers and
 *     network, or null: nodes of different clusters on one engine may share a node name, and each
 *     adopts (or removes) only containers carrying its own node name and cluster label
 */
public record DockerOptions(
    String socket, String podCidr, String network, String pauseImage, String cluster) {
  public static final String DEFAULT_SOCKET = "/var/run/docker.sock";
  public static final String DEFAULT_PAUSE_IMAGE = "skiff/pause:1";
  public static final String DEFAULT_SERVICE_CIDR = "10.96.0.0/12";
  public static final String DEFAULT_CLUSTER_DNS = "10.96.0.10";

  public static DockerOptions defaults(int nodeIndex) {
    return new DockerOptions(
        DEFAULT_SOCKET,
        "10.244." + nodeIndex + ".0/24",
        "skiff-node-" + nodeIndex,
        DEFAULT_PAUSE_IMAGE,
        null);
  }

  public DockerOptions withSocket(String value) {
    return new DockerOptions(value, podCidr, network, pauseImage, cluster);
  }

  /** The node's bridge network: its name and subnet (the node's pod CIDR). */
  public DockerOptions withNetwork(String name, String subnet) {
    return new DockerOptions(socket, subnet, name, pauseImage, cluster);
  }

  public DockerOptions withCluster(String value) {
    return new DockerOptions(socket, podCidr, network, pauseImage, value);
  }
}

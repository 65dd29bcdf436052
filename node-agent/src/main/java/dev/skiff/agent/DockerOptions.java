package dev.skiff.agent;

/**
 * The Docker runtime's settings.
 *
 * @param socket the engine's unix socket
 * @param podCidr the subnet of this node's bridge network (pod IPs are container IPs)
 * @param network the bridge network's name
 * @param pauseImage the image of each pod's network-holding first container (must exist locally)
 */
public record DockerOptions(String socket, String podCidr, String network, String pauseImage) {
  public static final String DEFAULT_SOCKET = "/var/run/docker.sock";
  public static final String DEFAULT_PAUSE_IMAGE = "skiff/pause:1";
  public static final String DEFAULT_SERVICE_CIDR = "10.96.0.0/12";
  public static final String DEFAULT_CLUSTER_DNS = "10.96.0.10";

  public static DockerOptions defaults(int nodeIndex) {
    return new DockerOptions(
        DEFAULT_SOCKET,
        "10.244." + nodeIndex + ".0/24",
        "skiff-node-" + nodeIndex,
        DEFAULT_PAUSE_IMAGE);
  }
}

package dev.skiff.cli.embedded.docker;

import dev.skiff.agent.DockerOptions;
import dev.skiff.api.Json;
import dev.skiff.api.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a Docker-runtime cluster creates on the host, recorded in its directory ({@value #FILE})
 * BEFORE anything is created, so that {@code skiff down} can remove it even after the cluster
 * process crashed: the label value on its containers and networks, the engine socket, and the local
 * routes it added. A restarted cluster reuses the record, so its node agents adopt the containers a
 * crashed run left.
 *
 * @param cluster the {@code dev.skiff.cluster} label value of the cluster's containers and networks
 *     ({@code NAME-xxxxxx}, unique on the machine)
 * @param socket the Docker engine's unix socket
 * @param routes the host routes it added ({@link HostRoutes}: "local CIDR", "blackhole CIDR")
 * @param podRange the range of the nodes' pod networks, forwarded between them ({@link
 *     PodForwarding})
 */
public record DockerHost(String cluster, String socket, List<String> routes, String podRange) {
  public static final String FILE = "docker-host.json";

  /** The record in {@code dir}, or a new one (new label value) written there. */
  public static DockerHost record(
      Path dir, String name, Path socket, List<String> routes, String podRange) throws IOException {
    Optional<DockerHost> kept = load(dir);
    String cluster = kept.map(DockerHost::cluster).orElseGet(() -> name + "-" + randomHex());
    DockerHost host = new DockerHost(cluster, socket.toString(), List.copyOf(routes), podRange);
    PrivateFiles.write(dir.resolve(FILE), Json.toBytes(host));
    return host;
  }

  public static Optional<DockerHost> load(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(Json.mapper().readValue(Files.readAllBytes(file), DockerHost.class));
  }

  /** Adds the recorded routes and lets the nodes' pods reach each other. */
  public void addRoutes() throws IOException {
    for (String route : routes) {
      HostRoutes.add(route);
    }
    if (podRange != null) {
      PodForwarding.allow(podRange);
    }
  }

  /** Node N's bridge network. */
  public String network(int node) {
    return cluster + "-node-" + node;
  }

  /** Node N's Docker runtime settings: this engine, its own network, the cluster label. */
  public DockerOptions nodeOptions(int node, String podCidr) {
    return DockerOptions.defaults(node)
        .withSocket(socket)
        .withNetwork(network(node), podCidr)
        .withCluster(cluster);
  }

  private static String randomHex() {
    byte[] bytes = new byte[3];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

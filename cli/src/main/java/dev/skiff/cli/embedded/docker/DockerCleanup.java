package dev.skiff.cli.embedded.docker;

import dev.skiff.agent.runtime.docker.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Removes what a Docker-runtime cluster left on the host: every container and network carrying its
 * cluster label, then its local routes, then the record. Run by the cluster process after its node
 * agents stopped, and by {@code skiff down} when a record is left (the cluster process crashed or
 * could not finish). Blocking.
 */
public final class DockerCleanup {
  private DockerCleanup() {}

  /** What one cleanup removed ({@code routes} counts the forwarding rule too). */
  public record Removed(int containers, int networks, int routes) {
    public boolean any() {
      return containers + networks + routes > 0;
    }

    @Override
    public String toString() {
      return containers + " container(s), " + networks + " network(s), " + routes + " route(s)";
    }
  }

  /**
   * Removes the cluster's containers, networks and routes and, once all are gone, the record in
   * {@code dir}. Fails (keeping the record for another try) if any could not be removed.
   */
  public static Removed run(Path dir, DockerHost host) throws IOException {
    DockerEngine engine = new DockerEngine(Path.of(host.socket()));
    int containers = 0;
    int networks = 0;
    int routes = 0;
    for (String id : engine.containers(Labels.CLUSTER, host.cluster())) {
      containers += engine.removeContainer(id) ? 1 : 0;
    }
    for (String id : engine.networks(Labels.CLUSTER, host.cluster())) {
      networks += engine.removeNetwork(id) ? 1 : 0;
    }
    if (host.podRange() != null && PodForwarding.remove(host.podRange())) {
      routes++;
    }
    for (String route : host.routes()) {
      routes += HostRoutes.remove(route) ? 1 : 0;
    }
    Files.deleteIfExists(dir.resolve(DockerHost.FILE));
    return new Removed(containers, networks, routes);
  }
}

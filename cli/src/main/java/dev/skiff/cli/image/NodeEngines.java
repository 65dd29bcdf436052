package dev.skiff.cli.image;

import dev.skiff.agent.runtime.docker.DockerClient;
import dev.skiff.cli.ClusterHome;
import dev.skiff.cli.ReadyInfo;
import dev.skiff.cli.RuntimeChoice;
import dev.skiff.cli.embedded.docker.DockerHost;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The Docker engines that run a cluster's pods, each with the nodes it serves. Today every node of
 * a Docker-runtime cluster uses this host's engine (the socket its {@link DockerHost} record
 * names), so there is one; nodes in containers with engines of their own (each its own entry) plug
 * in here.
 *
 * @param socket the engine's unix socket
 * @param nodes the nodes it runs pods for (as the cluster reported them; empty if not running)
 */
record NodeEngines(List<Engine> engines) {
  record Engine(String socket, List<String> nodes) {}

  /** The engines of cluster {@code home}; fails with the reason when it has none. */
  static NodeEngines of(ClusterHome home) throws IOException {
    if (!Files.isDirectory(home.dir())) {
      throw new IOException(
          "cluster \"" + home.name() + "\" does not exist (start it: skiff up --runtime docker)");
    }
    String runtime = RuntimeChoice.kept(home);
    if (!runtime.equals("docker")) {
      throw new IOException(
          "cluster \""
              + home.name()
              + "\" uses the "
              + runtime
              + " runtime, which runs commands, not images: nothing to load (images matter with"
              + " skiff up --runtime docker)");
    }
    String socket =
        DockerHost.load(home.dir()).map(DockerHost::socket).orElse(DockerClient.defaultSocket());
    List<String> nodes = new ArrayList<>();
    if (Files.exists(home.readyFile())) {
      for (String line : ReadyInfo.readFrom(home.readyFile()).nodes()) {
        nodes.add(line.split(" ", 2)[0]);
      }
    }
    return new NodeEngines(List.of(new Engine(socket, nodes)));
  }
}

package dev.skiff.cli.embedded;

import java.nio.file.Path;

/**
 * How to run an embedded cluster.
 *
 * @param name cluster name
 * @param dir the cluster's directory (kubeconfig, pid, ready, data)
 * @param nodes number of node agents
 * @param runtime "process" or "docker"
 */
public record EmbeddedOptions(String name, Path dir, int nodes, String runtime) {

  static EmbeddedOptions parse(String... args) {
    String name = "skiff";
    Path dir = null;
    int nodes = 1;
    String runtime = "process";
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--name" -> name = value;
        case "--dir" -> dir = Path.of(value);
        case "--nodes" -> nodes = Integer.parseInt(value);
        case "--runtime" -> runtime = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (dir == null) {
      throw new IllegalArgumentException("--dir is required");
    }
    return new EmbeddedOptions(name, dir, nodes, runtime);
  }
}

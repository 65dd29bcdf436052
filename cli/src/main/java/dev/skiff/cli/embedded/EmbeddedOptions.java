package dev.skiff.cli.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run an embedded cluster.
 *
 * @param name cluster name
 * @param dir the cluster's directory (kubeconfig, pid, ready, data)
 * @param nodes number of node agents
 * @param runtime "process" or "docker"
 * @param apiAddress the address the API server listens on (127.0.0.1; 0.0.0.0 in a container, where
 *     clients come through a published port)
 * @param apiPort the API server's port, or 0 for the one the cluster remembers (or a free one)
 * @param tlsSans further names and addresses the serving certificate is valid for (the host a
 *     client reaches a container's published port at)
 */
public record EmbeddedOptions(
    String name,
    Path dir,
    int nodes,
    String runtime,
    String apiAddress,
    int apiPort,
    List<String> tlsSans) {

  public static final String LOOPBACK = "127.0.0.1";

  public EmbeddedOptions {
    tlsSans = List.copyOf(tlsSans);
  }

  /** On loopback, at the remembered (or a free) port, certified for the loopback names only. */
  public EmbeddedOptions(String name, Path dir, int nodes, String runtime) {
    this(name, dir, nodes, runtime, LOOPBACK, 0, List.of());
  }

  static EmbeddedOptions parse(String... args) {
    String name = "skiff";
    Path dir = null;
    int nodes = 1;
    String runtime = "process";
    String apiAddress = LOOPBACK;
    int apiPort = 0;
    List<String> tlsSans = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--name" -> name = value;
        case "--dir" -> dir = Path.of(value);
        case "--nodes" -> nodes = Integer.parseInt(value);
        case "--runtime" -> runtime = value;
        case "--api-address" -> apiAddress = value;
        case "--api-port" -> apiPort = Integer.parseInt(value);
        case "--tls-san" -> tlsSans.add(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (dir == null) {
      throw new IllegalArgumentException("--dir is required");
    }
    return new EmbeddedOptions(name, dir, nodes, runtime, apiAddress, apiPort, tlsSans);
  }
}

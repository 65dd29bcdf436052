package dev.skiff.cli;

import java.util.List;

/** The command line the CLI hands to the embedded cluster process. */
final class EmbeddedArgs {
  private EmbeddedArgs() {}

  static List<String> of(ClusterHome home, int nodes, String runtime) {
    return List.of(
        "--name",
        home.name(),
        "--dir",
        home.dir().toString(),
        "--nodes",
        Integer.toString(nodes),
        "--runtime",
        runtime);
  }
}

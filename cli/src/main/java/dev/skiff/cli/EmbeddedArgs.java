package dev.skiff.cli;

import java.util.ArrayList;
import java.util.List;

/** The command line the CLI hands to the embedded cluster process. */
final class EmbeddedArgs {
  private EmbeddedArgs() {}

  static List<String> of(
      ClusterHome home,
      int nodes,
      String runtime,
      String apiAddress,
      Integer apiPort,
      List<String> tlsSans) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--name",
                home.name(),
                "--dir",
                home.dir().toString(),
                "--nodes",
                Integer.toString(nodes),
                "--runtime",
                runtime,
                "--api-address",
                apiAddress));
    if (apiPort != null) {
      args.addAll(List.of("--api-port", apiPort.toString()));
    }
    for (String san : tlsSans) {
      args.addAll(List.of("--tls-san", san));
    }
    return args;
  }
}

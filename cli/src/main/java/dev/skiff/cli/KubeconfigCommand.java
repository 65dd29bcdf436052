package dev.skiff.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff kubeconfig}: where the cluster's kubeconfig is. */
@Command(
    name = "kubeconfig",
    mixinStandardHelpOptions = true,
    description = "Print the path of a cluster's kubeconfig.",
    footer = {"", "Example:", "  export KUBECONFIG=$(skiff kubeconfig)"})
final class KubeconfigCommand implements Callable<Integer> {
  @Option(
      names = "--name",
      defaultValue = "skiff",
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() {
    ClusterHome home = ClusterHome.of(name);
    if (!Files.exists(home.kubeconfig())) {
      System.err.println(
          "error: cluster \"" + name + "\" has no kubeconfig; run: skiff up --name " + name);
      return 1;
    }
    System.out.println(home.kubeconfig());
    return 0;
  }
}

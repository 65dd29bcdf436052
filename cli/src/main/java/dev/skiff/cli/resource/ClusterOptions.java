package dev.skiff.cli.resource;

import picocli.CommandLine.Option;

/**
 * {@link ConnectionOptions} with the cluster chosen by {@code --name} (alias {@code --cluster}).
 */
public final class ClusterOptions extends ConnectionOptions {
  @Option(
      names = {"--name", "--cluster"},
      paramLabel = "CLUSTER",
      defaultValue = "skiff",
      description = "Skiff cluster to talk to (default: ${DEFAULT-VALUE}).")
  String cluster;

  @Override
  public String clusterName() {
    return cluster;
  }
}

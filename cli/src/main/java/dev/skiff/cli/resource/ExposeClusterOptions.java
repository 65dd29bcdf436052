package dev.skiff.cli.resource;

import picocli.CommandLine.Option;

/**
 * {@link ConnectionOptions} for {@code expose}, where {@code --name} names the new Service (as in
 * kubectl): the cluster is chosen with {@code --cluster}.
 */
public final class ExposeClusterOptions extends ConnectionOptions {
  @Option(
      names = "--cluster",
      paramLabel = "CLUSTER",
      defaultValue = "skiff",
      description = "Skiff cluster to talk to (default: ${DEFAULT-VALUE}).")
  String cluster;

  @Override
  public String clusterName() {
    return cluster;
  }
}

package dev.skiff.cli.resource;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a resource command finds its cluster: a kubeconfig file, or else the kubeconfig of the named
 * Skiff cluster ({@code $SKIFF_HOME/clusters/NAME/kubeconfig}), and the namespace to work in.
 */
public abstract class ConnectionOptions {
  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      description = "Use this kubeconfig instead of the named Skiff cluster's.")
  Path kubeconfig;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Namespace (default: the kubeconfig context's, else default).")
  String namespace;

  /** The Skiff cluster name to use when no kubeconfig is given. */
  public abstract String clusterName();

  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The namespace given with {@code -n}, or null. */
  public String namespace() {
    return namespace;
  }
}

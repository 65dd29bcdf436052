package dev.skiff.cli.resource;

import picocli.CommandLine.Mixin;

/**
 * A {@link ClusterCommand} whose cluster is chosen as most commands choose it: {@code --name}
 * (alias {@code --cluster}) or {@code --kubeconfig}, with {@code -n} for the namespace ({@link
 * ClusterOptions}).
 */
public abstract class NamedClusterCommand extends ClusterCommand {
  @Mixin protected ClusterOptions cluster;

  @Override
  protected final ConnectionOptions connection() {
    return cluster;
  }
}

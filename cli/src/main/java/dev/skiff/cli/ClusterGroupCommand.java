package dev.skiff.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A command that only groups subcommands about one cluster ({@code skiff registry ...}, {@code
 * skiff image ...}): {@code --name} is given to every subcommand, and the group alone prints its
 * usage.
 */
public abstract class ClusterGroupCommand implements Runnable {
  @Option(
      names = "--name",
      defaultValue = "skiff",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Cluster name (default: ${DEFAULT-VALUE}).")
  protected String name;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The cluster {@code --name} chose. */
  public ClusterHome home() {
    return ClusterHome.of(name);
  }
}

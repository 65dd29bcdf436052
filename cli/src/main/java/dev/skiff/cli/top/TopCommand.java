package dev.skiff.cli.top;

import picocli.CommandLine.Command;

/** {@code skiff top}: resource usage from metrics.k8s.io, printed as {@code kubectl top} does. */
@Command(
    name = "top",
    mixinStandardHelpOptions = true,
    description = "Display CPU and memory use of nodes or pods (metrics.k8s.io).",
    subcommands = {TopNodesCommand.class, TopPodsCommand.class},
    footer = {
      "",
      "Examples:",
      "  skiff top nodes",
      "  skiff top pods -A",
      "  skiff top pod web --containers"
    })
public final class TopCommand {}

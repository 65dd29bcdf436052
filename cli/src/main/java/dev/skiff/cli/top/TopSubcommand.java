package dev.skiff.cli.top;

import dev.skiff.cli.resource.NamedClusterCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code skiff top nodes} and {@code skiff top pods} both take: one name or a selector. */
abstract class TopSubcommand extends NamedClusterCommand {
  @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this one.")
  String name;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Label selector, e.g. app=web.")
  String selector;
}

package dev.skiff.cli.top;

import dev.skiff.cli.resource.CliException;
import dev.skiff.cli.resource.NamedClusterCommand;
import dev.skiff.cli.resource.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff top}: resource usage from metrics.k8s.io, printed as {@code kubectl top} does. */
@Command(
    name = "top",
    mixinStandardHelpOptions = true,
    description = "Display CPU and memory use of nodes or pods (metrics.k8s.io).",
    footer = {
      "",
      "Examples:",
      "  skiff top nodes",
      "  skiff top pods -A",
      "  skiff top pod web --containers"
    })
public final class TopCommand extends NamedClusterCommand {
  @Parameters(index = "0", paramLabel = "nodes|pods", description = "What to show.")
  String type;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Only this one.")
  String name;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Label selector, e.g. app=web.")
  String selector;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Pods of every namespace.")
  boolean allNamespaces;

  @Option(names = "--containers", description = "Pods: one line per container.")
  boolean containers;

  @Override
  protected void validate() {
    if (!NodesTable.NAMES.contains(type) && !PodsTable.NAMES.contains(type)) {
      throw CliException.usage("skiff top shows nodes or pods, not \"" + type + "\"");
    }
  }

  @Override
  protected int run(Session session) {
    if (NodesTable.NAMES.contains(type)) {
      String table = NodesTable.of(session, name, selector);
      if (table == null) {
        err().println("error: metrics not available yet");
        return 1;
      }
      out().print(table);
      return 0;
    }
    boolean everywhere = allNamespaces && name == null;
    String table = PodsTable.of(session, everywhere, name, selector, containers);
    if (table == null) {
      noResourcesFound(everywhere ? null : session.namespace());
    } else {
      out().print(table);
    }
    return 0;
  }
}

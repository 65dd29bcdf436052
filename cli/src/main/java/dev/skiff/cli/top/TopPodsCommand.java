package dev.skiff.cli.top;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.cli.output.TabWriter;
import dev.skiff.cli.resource.Session;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff top pods}: CPU and memory of each pod, or of each container. */
@Command(
    name = "pods",
    aliases = {"pod", "po"},
    mixinStandardHelpOptions = true,
    description = "Display CPU and memory use of pods.")
public final class TopPodsCommand extends TopSubcommand {
  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Pods of every namespace.")
  boolean allNamespaces;

  @Option(names = "--containers", description = "One line per container.")
  boolean containers;

  @Override
  protected int run(Session session) {
    String path =
        allNamespaces && name == null
            ? "/pods"
            : "/namespaces/" + session.namespace() + "/pods" + (name == null ? "" : "/" + name);
    JsonNode metrics = Usage.get(session, path, selector);
    Iterable<JsonNode> items = name == null ? metrics.path("items") : List.of(metrics);
    boolean namespaceColumn = allNamespaces && name == null;
    StringBuilder table = new StringBuilder(namespaceColumn ? "NAMESPACE\t" : "");
    table.append(containers ? "POD\tNAME\t" : "NAME\t").append("CPU(cores)\tMEMORY(bytes)\n");
    int rows = 0;
    for (JsonNode pod : items) {
      String prefix =
          (namespaceColumn ? pod.path("metadata").path("namespace").asText() + "\t" : "")
              + pod.path("metadata").path("name").asText()
              + "\t";
      long cpu = 0;
      long memory = 0;
      for (JsonNode c : pod.path("containers")) {
        if (containers) {
          row(table, prefix + c.path("name").asText() + "\t", c.path("usage"));
        }
        cpu += Usage.millicores(c.path("usage"));
        memory += Usage.bytes(c.path("usage"));
      }
      if (!containers) {
        table.append(prefix).append(Usage.cpu(cpu)).append('\t').append(Usage.memory(memory));
        table.append('\n');
      }
      rows++;
    }
    if (rows == 0) {
      noResourcesFound(namespaceColumn ? null : session.namespace());
      return 0;
    }
    out().print(TabWriter.TABLE.format(table.toString()));
    return 0;
  }

  private static void row(StringBuilder table, String prefix, JsonNode usage) {
    table
        .append(prefix)
        .append(Usage.cpu(Usage.millicores(usage)))
        .append('\t')
        .append(Usage.memory(Usage.bytes(usage)))
        .append('\n');
  }
}

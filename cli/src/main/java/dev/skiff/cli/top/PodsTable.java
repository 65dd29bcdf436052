package dev.skiff.cli.top;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.cli.output.TabWriter;
import dev.skiff.cli.resource.Session;
import java.util.List;
import java.util.Set;

/** {@code skiff top pods}: CPU and memory of each pod, or of each of its containers. */
final class PodsTable {
  static final Set<String> NAMES = Set.of("pods", "pod", "po");

  private PodsTable() {}

  /** The table; null when no pod has been measured yet. */
  static String of(
      Session session, boolean everywhere, String name, String selector, boolean containers) {
    String path =
        everywhere
            ? "/pods"
            : "/namespaces/" + session.namespace() + "/pods" + (name == null ? "" : "/" + name);
    JsonNode metrics = Usage.get(session, path, selector);
    Iterable<JsonNode> items = name == null ? metrics.path("items") : List.of(metrics);
    StringBuilder table = new StringBuilder(everywhere ? "NAMESPACE\t" : "");
    table.append(containers ? "POD\tNAME\t" : "NAME\t").append("CPU(cores)\tMEMORY(bytes)\n");
    int rows = 0;
    for (JsonNode pod : items) {
      String prefix =
          (everywhere ? pod.path("metadata").path("namespace").asText() + "\t" : "")
              + pod.path("metadata").path("name").asText()
              + "\t";
      long cpu = 0;
      long memory = 0;
      for (JsonNode c : pod.path("containers")) {
        long containerCpu = Usage.millicores(c.path("usage"));
        long containerMemory = Usage.bytes(c.path("usage"));
        if (containers) {
          row(table, prefix + c.path("name").asText() + "\t", containerCpu, containerMemory);
        }
        cpu += containerCpu;
        memory += containerMemory;
      }
      if (!containers) {
        row(table, prefix, cpu, memory);
      }
      rows++;
    }
    return rows == 0 ? null : TabWriter.TABLE.format(table.toString());
  }

  private static void row(StringBuilder table, String prefix, long cpu, long memory) {
    table.append(prefix).append(Usage.cpu(cpu)).append('\t').append(Usage.memory(memory));
    table.append('\n');
  }
}

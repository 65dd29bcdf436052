package dev.skiff.cli.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.resource.Resources;
import dev.skiff.cli.output.TabWriter;
import dev.skiff.cli.resource.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code skiff top nodes}: each node's CPU and memory use and its share of the allocatable. */
final class NodesTable {
  static final Set<String> NAMES = Set.of("nodes", "node", "no");

  private NodesTable() {}

  /** The table; null when no node has been measured yet. */
  static String of(Session session, String name, String selector) {
    JsonNode metrics = Usage.get(session, "/nodes" + (name == null ? "" : "/" + name), selector);
    Map<String, JsonNode> allocatable = new HashMap<>();
    ObjectNode nodes =
        session.await(
            session.raw().list(Resources.NODES, null, ListOptions.labelSelector(selector)));
    nodes
        .path("items")
        .forEach(n -> allocatable.put(n.path("metadata").path("name").asText(), allocatable(n)));
    StringBuilder table = new StringBuilder("NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\n");
    Iterable<JsonNode> items = name == null ? metrics.path("items") : List.of(metrics);
    int rows = 0;
    for (JsonNode m : items) {
      String node = m.path("metadata").path("name").asText();
      JsonNode usage = m.path("usage");
      JsonNode capacity = allocatable.getOrDefault(node, MissingNode.getInstance());
      long cpu = Usage.millicores(usage);
      long memory = Usage.bytes(usage);
      table
          .append(node)
          .append('\t')
          .append(Usage.cpu(cpu))
          .append('\t')
          .append(Usage.percent(cpu, Usage.millicores(capacity)))
          .append('\t')
          .append(Usage.memory(memory))
          .append('\t')
          .append(Usage.percent(memory, Usage.bytes(capacity)))
          .append('\n');
      rows++;
    }
    return rows == 0 ? null : TabWriter.TABLE.format(table.toString());
  }

  private static JsonNode allocatable(JsonNode node) {
    JsonNode a = node.path("status").path("allocatable");
    return a.isMissingNode() || a.isEmpty() ? node.path("status").path("capacity") : a;
  }
}

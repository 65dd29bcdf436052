package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * kubectl get nodes: NAME STATUS ROLES AGE VERSION [INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
 * CONTAINER-RUNTIME].
 */
final class NodeTable implements TableConvertor {
  private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.text("Status", "The status of the node"),
          Column.text("Roles", "The roles of the node"),
          Column.ageColumn(),
          Column.text("Version", "Kubelet Version reported by the node."),
          Column.wide("Internal-IP", "List of addresses reachable to the node."),
          Column.wide("External-IP", "List of addresses reachable to the node."),
          Column.wide("OS-Image", "OS Image reported by the node from /etc/os-release."),
          Column.wide("Kernel-Version", "Kernel Version reported by the node."),
          Column.wide("Container-Runtime", "ContainerRuntime Version reported by the node."));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode node, Instant now) {
    JsonNode info = node.path("status").path("nodeInfo");
    return List.of(
        Cells.name(node),
        status(node),
        roles(node.path("metadata").path("labels")),
        Cells.age(node, now),
        info.path("kubeletVersion").asText(""),
        address(node, "InternalIP"),
        address(node, "ExternalIP"),
        Cells.textOr(info.path("osImage"), "<unknown>"),
        Cells.textOr(info.path("kernelVersion"), "<unknown>"),
        Cells.textOr(info.path("containerRuntimeVersion"), "<unknown>"));
  }

  private static String status(JsonNode node) {
    List<String> parts = new ArrayList<>();
    for (JsonNode c : node.path("status").path("conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        parts.add(c.path("status").asText().equals("True") ? "Ready" : "NotReady");
      }
    }
    if (parts.isEmpty()) {
      parts.add("Unknown");
    }
    if (node.path("spec").path("unschedulable").asBoolean(false)) {
      parts.add("SchedulingDisabled");
    }
    return String.join(",", parts);
  }

  private static String roles(JsonNode labels) {
    TreeSet<String> roles = new TreeSet<>();
    labels
        .properties()
        .forEach(
            e -> {
              if (e.getKey().startsWith(ROLE_PREFIX)
                  && e.getKey().length() > ROLE_PREFIX.length()) {
                roles.add(e.getKey().substring(ROLE_PREFIX.length()));
              } else if (e.getKey().equals("kubernetes.io/role")
                  && !e.getValue().asText().isEmpty()) {
                roles.add(e.getValue().asText());
              }
            });
    return roles.isEmpty() ? Cells.NONE : String.join(",", roles);
  }

  private static String address(JsonNode node, String type) {
    for (JsonNode a : node.path("status").path("addresses")) {
      if (a.path("type").asText().equals(type)) {
        return a.path("address").asText();
      }
    }
    return Cells.NONE;
  }
}

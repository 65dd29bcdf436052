package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The wide columns deployments and replicasets share: CONTAINERS, IMAGES, SELECTOR. */
final class Workloads {
  static final List<Column> WIDE_COLUMNS =
      List.of(
          Column.wide("Containers", "Names of each container in the template."),
          Column.wide("Images", "Images referenced by each container in the template."),
          Column.wide("Selector", "Label selector for pods."));

  private Workloads() {}

  /** Cells of {@link #WIDE_COLUMNS} for a workload's spec. */
  static List<Object> wideCells(JsonNode spec) {
    JsonNode podSpec = spec.path("template").path("spec");
    return List.of(
        Cells.containerField(podSpec, "name"),
        Cells.containerField(podSpec, "image"),
        Cells.selector(spec.path("selector")));
  }

  static List<Column> columns(List<Column> narrow) {
    return java.util.stream.Stream.concat(narrow.stream(), WIDE_COLUMNS.stream()).toList();
  }

  static List<Object> cells(List<Object> narrow, JsonNode spec) {
    return java.util.stream.Stream.concat(narrow.stream(), wideCells(spec).stream()).toList();
  }
}

package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** kubectl get deployments: NAME READY UP-TO-DATE AVAILABLE AGE [CONTAINERS IMAGES SELECTOR]. */
final class DeploymentTable implements TableConvertor {
  private static final List<Column> COLUMNS =
      Workloads.columns(
          List.of(
              Column.nameColumn(),
              Column.text("Ready", "Number of the pod with ready state"),
              Column.number(
                  "Up-to-date", "Total number of non-terminated pods with the desired template."),
              Column.number("Available", "Total number of available pods."),
              Column.ageColumn()));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode d, Instant now) {
    JsonNode spec = d.path("spec");
    JsonNode status = d.path("status");
    return Workloads.cells(
        List.of(
            Cells.name(d),
            status.path("readyReplicas").asLong(0) + "/" + spec.path("replicas").asLong(1),
            status.path("updatedReplicas").asLong(0),
            status.path("availableReplicas").asLong(0),
            Cells.age(d, now)),
        spec);
  }
}

package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** kubectl get replicasets: NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]. */
final class ReplicaSetTable implements TableConvertor {
  private static final List<Column> COLUMNS =
      Workloads.columns(
          List.of(
              Column.nameColumn(),
              Column.number("Desired", "Number of desired pods."),
              Column.number("Current", "Number of actual replicas."),
              Column.number("Ready", "The number of ready replicas for this replica set."),
              Column.ageColumn()));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode rs, Instant now) {
    JsonNode spec = rs.path("spec");
    JsonNode status = rs.path("status");
    return Workloads.cells(
        List.of(
            Cells.name(rs),
            spec.path("replicas").asLong(1),
            status.path("replicas").asLong(0),
            status.path("readyReplicas").asLong(0),
            Cells.age(rs, now)),
        spec);
  }
}

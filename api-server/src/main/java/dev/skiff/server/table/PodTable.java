package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** kubectl get pods: NAME READY STATUS RESTARTS AGE [IP NODE NOMINATED NODE READINESS GATES]. */
final class PodTable implements TableConvertor {
  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.text("Ready", "The aggregate readiness state of this pod for accepting traffic."),
          Column.text("Status", "The aggregate status of the containers in this pod."),
          Column.text(
              "Restarts",
              "The number of times the containers in this pod have been restarted and when the"
                  + " last container in this pod has restarted."),
          Column.ageColumn(),
          Column.wide("IP", "IP address allocated to the pod."),
          Column.wide("Node", "NodeName is a request to schedule this pod onto a specific node."),
          Column.wide(
              "Nominated Node", "nominatedNodeName is set when this pod preempts other pods."),
          Column.wide("Readiness Gates", "If specified, all readiness gates will be evaluated."));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode pod, Instant now) {
    PodStatusText text = PodStatusText.of(pod, now);
    JsonNode status = pod.path("status");
    return List.of(
        Cells.name(pod),
        text.ready(),
        text.reason(),
        text.restarts(),
        Cells.age(pod, now),
        Cells.textOr(status.path("podIP"), Cells.NONE),
        Cells.textOr(pod.path("spec").path("nodeName"), Cells.NONE),
        Cells.textOr(status.path("nominatedNodeName"), Cells.NONE),
        readinessGates(pod));
  }

  private static String readinessGates(JsonNode pod) {
    JsonNode gates = pod.path("spec").path("readinessGates");
    if (gates.isEmpty()) {
      return Cells.NONE;
    }
    int ready = 0;
    for (JsonNode gate : gates) {
      String type = gate.path("conditionType").asText();
      for (JsonNode c : pod.path("status").path("conditions")) {
        if (c.path("type").asText().equals(type) && c.path("status").asText().equals("True")) {
          ready++;
        }
      }
    }
    return ready + "/" + gates.size();
  }
}

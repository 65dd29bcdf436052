package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * kubectl get statefulsets (NAME READY AGE [CONTAINERS IMAGES]), daemonsets (NAME DESIRED CURRENT
 * READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE [CONTAINERS IMAGES SELECTOR]),
 * replicationcontrollers (NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]) and
 * controllerrevisions (NAME CONTROLLER REVISION AGE): the real server's printers.
 */
final class AppsTables {
  private AppsTables() {}

  static TableConvertor statefulSets() {
    List<Column> columns =
        List.of(
            Column.nameColumn(),
            Column.text("Ready", "Number of the pod with ready state"),
            Column.ageColumn(),
            Workloads.WIDE_COLUMNS.get(0),
            Workloads.WIDE_COLUMNS.get(1));
    return BatchTables.of(
        columns,
        (sts, now) -> {
          JsonNode podSpec = sts.path("spec").path("template").path("spec");
          return List.of(
              Cells.name(sts),
              sts.path("status").path("readyReplicas").asLong(0)
                  + "/"
                  + sts.path("spec").path("replicas").asLong(1),
              Cells.age(sts, now),
              Cells.containerField(podSpec, "name"),
              Cells.containerField(podSpec, "image"));
        });
  }

  static TableConvertor daemonSets() {
    List<Column> columns =
        Workloads.columns(
            List.of(
                Column.nameColumn(),
                Column.number(
                    "Desired",
                    "The total number of nodes that should be running the daemon pod (including"
                        + " nodes correctly running the daemon pod)."),
                Column.number(
                    "Current",
                    "The number of nodes that are running at least 1 daemon pod and are supposed"
                        + " to run the daemon pod."),
                Column.number(
                    "Ready",
                    "numberReady is the number of nodes that should be running the daemon pod and"
                        + " have one or more of the daemon pod running with a Ready Condition."),
                Column.number(
                    "Up-to-date", "The total number of nodes that are running updated daemon pod"),
                Column.number(
                    "Available",
                    "The number of nodes that should be running the daemon pod and have one or"
                        + " more of the daemon pod running and available (ready for at least"
                        + " spec.minReadySeconds)"),
                Column.text(
                    "Node Selector",
                    "NodeSelector is a selector which must be true for the pod to fit on a node."
                        + " Selector which must match a node's labels for the pod to be scheduled"
                        + " on that node."),
                Column.ageColumn()));
    return BatchTables.of(
        columns,
        (ds, now) -> {
          JsonNode spec = ds.path("spec");
          JsonNode status = ds.path("status");
          return Workloads.cells(
              List.of(
                  Cells.name(ds),
                  status.path("desiredNumberScheduled").asLong(0),
                  status.path("currentNumberScheduled").asLong(0),
                  status.path("numberReady").asLong(0),
                  status.path("updatedNumberScheduled").asLong(0),
                  status.path("numberAvailable").asLong(0),
                  Cells.labels(spec.path("template").path("spec").path("nodeSelector")),
                  Cells.age(ds, now)),
              spec);
        });
  }

  static TableConvertor replicationControllers() {
    List<Column> columns =
        Workloads.columns(
            List.of(
                Column.nameColumn(),
                Column.number("Desired", "Number of desired pods."),
                Column.number("Current", "Number of actual replicas."),
                Column.number(
                    "Ready", "The number of ready replicas for this replication controller."),
                Column.ageColumn()));
    return BatchTables.of(
        columns,
        (rc, now) -> {
          JsonNode spec = rc.path("spec");
          JsonNode podSpec = spec.path("template").path("spec");
          return List.of(
              Cells.name(rc),
              spec.path("replicas").asLong(1),
              rc.path("status").path("replicas").asLong(0),
              rc.path("status").path("readyReplicas").asLong(0),
              Cells.age(rc, now),
              Cells.containerField(podSpec, "name"),
              Cells.containerField(podSpec, "image"),
              Cells.labels(spec.path("selector")));
        });
  }

  static TableConvertor controllerRevisions() {
    return SimpleTables.of(
        List.of(
            Column.text("Controller", "Controller of the object"),
            Column.number("Revision", "Revision of the ControllerRevision")),
        (cr, now) -> List.of(controller(cr), cr.path("revision").asLong(0)));
  }

  /** "statefulset.apps/web" from the controller owner reference, or {@code <none>}. */
  private static String controller(JsonNode cr) {
    for (JsonNode ref : cr.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        String apiVersion = ref.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : "." + apiVersion.substring(0, slash);
        return ref.path("kind").asText("").toLowerCase(java.util.Locale.ROOT)
            + group
            + "/"
            + ref.path("name").asText("");
      }
    }
    return Cells.NONE;
  }
}

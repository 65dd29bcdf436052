package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** describe deployment and replicaset: replicas, strategy, pod template, conditions. */
final class WorkloadDescriber {
  static final String REVISION = "deployment.kubernetes.io/revision";

  private WorkloadDescriber() {}

  static String deployment(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode spec = in.spec();
    JsonNode status = in.status();
    header(w, in);
    long desired = spec.path("replicas").asLong(1);
    long unavailable = status.path("unavailableReplicas").asLong(0);
    w.line(
        0,
        "Replicas",
        desired
            + " desired | "
            + status.path("updatedReplicas").asLong(0)
            + " updated | "
            + status.path("replicas").asLong(0)
            + " total | "
            + status.path("availableReplicas").asLong(0)
            + " available | "
            + unavailable
            + " unavailable");
    JsonNode strategy = spec.path("strategy");
    String type = strategy.path("type").asText("RollingUpdate");
    w.line(0, "StrategyType", type);
    w.line(0, "MinReadySeconds", spec.path("minReadySeconds").asInt(0));
    if ("RollingUpdate".equals(type)) {
      JsonNode ru = strategy.path("rollingUpdate");
      w.line(
          0,
          "RollingUpdateStrategy",
          ru.path("maxUnavailable").asText("25%")
              + " max unavailable, "
              + ru.path("maxSurge").asText("25%")
              + " max surge");
    }
    template(w, spec.path("template"));
    conditions(w, status.path("conditions"));
    JsonNode current =
        newest(in.related(), in.meta().path("annotations").path(REVISION).asText(""));
    List<String> old = new ArrayList<>();
    for (JsonNode rs : in.related()) {
      if (rs != current) {
        old.add(created(rs));
      }
    }
    w.line(0, "OldReplicaSets", old.isEmpty() ? DescribeText.NONE : String.join(", ", old));
    w.line(0, "NewReplicaSet", current == null ? DescribeText.NONE : created(current));
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  /** The ReplicaSet of the deployment's revision, else the newest one. */
  private static JsonNode newest(List<JsonNode> sets, String revision) {
    JsonNode newest = null;
    for (JsonNode rs : sets) {
      JsonNode meta = rs.path("metadata");
      if (!revision.isEmpty()
          && revision.equals(meta.path("annotations").path(REVISION).asText())) {
        return rs;
      }
      String created = meta.path("creationTimestamp").asText("");
      if (newest == null
          || created.compareTo(newest.path("metadata").path("creationTimestamp").asText("")) > 0) {
        newest = rs;
      }
    }
    return newest;
  }

  private static String created(JsonNode rs) {
    return rs.path("metadata").path("name").asText()
        + " ("
        + rs.path("status").path("replicas").asLong(0)
        + "/"
        + rs.path("spec").path("replicas").asLong(0)
        + " replicas created)";
  }

  /** describe replicaset; {@code related} holds its pods. */
  static String replicaSet(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode meta = in.meta();
    w.line(0, "Name", meta.path("name").asText());
    w.line(0, "Namespace", meta.path("namespace").asText());
    w.line(0, "Selector", selector(in.spec().path("selector")));
    w.labels(0, "Labels", meta.path("labels"));
    w.annotations(0, "Annotations", meta.path("annotations"));
    for (JsonNode owner : meta.path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) {
        w.line(0, "Controlled By", owner.path("kind").asText() + "/" + owner.path("name").asText());
      }
    }
    w.line(
        0,
        "Replicas",
        in.status().path("replicas").asLong(0)
            + " current / "
            + in.spec().path("replicas").asLong(1)
            + " desired");
    Map<String, Integer> phases = new TreeMap<>();
    in.related()
        .forEach(
            p -> phases.merge(p.path("status").path("phase").asText("Pending"), 1, Integer::sum));
    w.line(
        0,
        "Pods Status",
        phases.getOrDefault("Running", 0)
            + " Running / "
            + phases.getOrDefault("Pending", 0)
            + " Waiting / "
            + phases.getOrDefault("Succeeded", 0)
            + " Succeeded / "
            + phases.getOrDefault("Failed", 0)
            + " Failed");
    template(w, in.spec().path("template"));
    conditions(w, in.status().path("conditions"));
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  private static void header(DescribeText w, DescribeInput in) {
    JsonNode meta = in.meta();
    w.line(0, "Name", meta.path("name").asText());
    w.line(0, "Namespace", meta.path("namespace").asText());
    w.line(0, "CreationTimestamp", w.time(meta.path("creationTimestamp").asText(null)));
    w.labels(0, "Labels", meta.path("labels"));
    w.annotations(0, "Annotations", meta.path("annotations"));
    w.line(0, "Selector", selector(in.spec().path("selector")));
  }

  /** DescribePodTemplate. */
  static void template(DescribeText w, JsonNode template) {
    w.heading(0, "Pod Template");
    w.labels(1, "Labels", template.path("metadata").path("labels"));
    if (!template.path("metadata").path("annotations").isEmpty()) {
      w.annotations(1, "Annotations", template.path("metadata").path("annotations"));
    }
    JsonNode spec = template.path("spec");
    if (!spec.path("initContainers").isEmpty()) {
      ContainersSection.template(w, "Init Containers", spec.path("initContainers"));
    }
    ContainersSection.template(w, "Containers", spec.path("containers"));
    PodDescriber.volumes(w, 1, spec.path("volumes"));
    w.labels(1, "Node-Selectors", spec.path("nodeSelector"));
    w.line(1, "Tolerations", PodDescriber.tolerations(spec.path("tolerations")));
  }

  private static void conditions(DescribeText w, JsonNode conditions) {
    if (conditions.isEmpty()) {
      return;
    }
    w.heading(0, "Conditions");
    w.raw(1, "Type\tStatus\tReason\n");
    w.raw(1, "----\t------\t------\n");
    conditions.forEach(
        c ->
            w.raw(
                1,
                c.path("type").asText()
                    + " \t"
                    + c.path("status").asText()
                    + "\t"
                    + c.path("reason").asText("")
                    + "\n"));
  }

  /** A LabelSelector as kubectl prints it. */
  static String selector(JsonNode selector) {
    Map<String, String> labels = new TreeMap<>();
    selector
        .path("matchLabels")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    List<String> parts = new ArrayList<>();
    labels.forEach((k, v) -> parts.add(k + "=" + v));
    for (JsonNode expr : selector.path("matchExpressions")) {
      List<String> values = new ArrayList<>();
      expr.path("values").forEach(v -> values.add(v.asText()));
      String key = expr.path("key").asText();
      switch (expr.path("operator").asText()) {
        case "In" -> parts.add(key + " in (" + String.join(",", values) + ")");
        case "NotIn" -> parts.add(key + " notin (" + String.join(",", values) + ")");
        case "Exists" -> parts.add(key);
        default -> parts.add("!" + key);
      }
    }
    return parts.isEmpty() ? DescribeText.NONE : String.join(",", parts);
  }
}

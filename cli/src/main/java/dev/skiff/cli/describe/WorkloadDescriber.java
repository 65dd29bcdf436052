package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** describe deployment and replicaset: replicas, strategy, pod template, conditions. */
final class WorkloadDescriber {
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
    List<String> sets = new ArrayList<>();
    for (JsonNode rs : in.related()) {
      sets.add(
          rs.path("metadata").path("name").asText()
              + " ("
              + rs.path("status").path("replicas").asLong(0)
              + "/"
              + rs.path("spec").path("replicas").asLong(0)
              + " replicas created)");
    }
    w.line(0, "NewReplicaSet", sets.isEmpty() ? DescribeText.NONE : String.join(", ", sets));
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  static String replicaSet(DescribeInput in) {
    DescribeText w = in.text();
    header(w, in);
    JsonNode status = in.status();
    w.line(
        0,
        "Replicas",
        status.path("replicas").asLong(0)
            + " current / "
            + in.spec().path("replicas").asLong(1)
            + " desired");
    w.line(
        0,
        "Pods Status",
        status.path("readyReplicas").asLong(0) + " Running / 0 Waiting / 0 Succeeded / 0 Failed");
    template(w, in.spec().path("template"));
    conditions(w, status.path("conditions"));
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

  private static void template(DescribeText w, JsonNode template) {
    w.heading(0, "Pod Template");
    w.labels(1, "Labels", template.path("metadata").path("labels"));
    DescribeText containers = new DescribeText(java.time.ZoneOffset.UTC);
    ContainersSection.write(
        containers,
        "Containers",
        template.path("spec").path("containers"),
        com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    for (String line : containers.toString().split("\n")) {
      w.raw(1, line + "\n");
    }
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

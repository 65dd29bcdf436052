package dev.skiff.server.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers shared by the convertors. */
final class Cells {
  static final String NONE = "<none>";

  private Cells() {}

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText("");
  }

  static String age(JsonNode object, Instant now) {
    return Age.since(object.path("metadata").path("creationTimestamp").asText(null), now);
  }

  static String textOr(JsonNode node, String fallback) {
    String value = node.isValueNode() ? node.asText("") : "";
    return value.isEmpty() ? fallback : value;
  }

  /** labels.FormatLabels: "k=v,k2=v2" sorted by key, or {@code <none>}. */
  static String labels(JsonNode map) {
    if (!map.isObject() || map.isEmpty()) {
      return NONE;
    }
    Map<String, String> sorted = new TreeMap<>();
    map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    List<String> parts = new ArrayList<>();
    sorted.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts);
  }

  /** metav1.LabelSelector as kubectl prints it ({@code <none>} when empty). */
  static String selector(JsonNode selector) {
    List<String> parts = new ArrayList<>();
    Map<String, String> sorted = new TreeMap<>();
    selector
        .path("matchLabels")
        .properties()
        .forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    sorted.forEach((k, v) -> parts.add(k + "=" + v));
    for (JsonNode expr : selector.path("matchExpressions")) {
      String key = expr.path("key").asText();
      List<String> values = new ArrayList<>();
      expr.path("values").forEach(v -> values.add(v.asText()));
      values.sort(null);
      String set = "(" + String.join(",", values) + ")";
      switch (expr.path("operator").asText()) {
        case "In" -> parts.add(key + " in " + set);
        case "NotIn" -> parts.add(key + " notin " + set);
        case "Exists" -> parts.add(key);
        case "DoesNotExist" -> parts.add("!" + key);
        default -> parts.add(key + " ?");
      }
    }
    return parts.isEmpty() ? NONE : String.join(",", parts);
  }

  /** Container names and images of a pod template spec, joined by commas. */
  static String containerField(JsonNode podSpec, String field) {
    List<String> values = new ArrayList<>();
    podSpec.path("containers").forEach(c -> values.add(c.path(field).asText("")));
    return String.join(",", values);
  }

  /** "a,b,c + 2 more..." after {@code max} entries. */
  static String listWithMore(List<String> list, int count, int max, String empty) {
    String joined = String.join(",", list.subList(0, Math.min(max, list.size())));
    if (count > max) {
      return joined + " + " + (count - max) + " more...";
    }
    return joined.isEmpty() ? empty : joined;
  }
}

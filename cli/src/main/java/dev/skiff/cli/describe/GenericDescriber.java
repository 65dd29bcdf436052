package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * describe for kinds without a dedicated layout (EndpointSlices, Endpoints, Events, Leases,
 * Namespaces): kubectl's generic describer, every field under a human label.
 */
final class GenericDescriber {
  private static final Set<String> SKIPPED_METADATA =
      Set.of("name", "namespace", "labels", "annotations", "managedFields");

  private GenericDescriber() {}

  static String describe(DescribeInput in) {
    DescribeText w = in.text();
    JsonNode meta = in.meta();
    w.line(0, "Name", meta.path("name").asText());
    if (meta.has("namespace")) {
      w.line(0, "Namespace", meta.path("namespace").asText());
    }
    w.labels(0, "Labels", meta.path("labels"));
    w.annotations(0, "Annotations", meta.path("annotations"));
    w.line(0, "API Version", in.object().path("apiVersion").asText());
    w.line(0, "Kind", in.object().path("kind").asText());
    for (Map.Entry<String, JsonNode> field : in.object().properties()) {
      switch (field.getKey()) {
        case "apiVersion", "kind" -> {}
        case "metadata" -> {
          w.heading(0, "Metadata");
          field
              .getValue()
              .properties()
              .forEach(
                  e -> {
                    if (!SKIPPED_METADATA.contains(e.getKey())) {
                      value(w, 1, e.getKey(), e.getValue());
                    }
                  });
        }
        default -> value(w, 0, field.getKey(), field.getValue());
      }
    }
    EventsSection.write(w, in.events(), in.now());
    return w.toString();
  }

  private static void value(DescribeText w, int level, String key, JsonNode value) {
    String label = label(key);
    if (value.isObject()) {
      w.heading(level, label);
      value.properties().forEach(e -> value(w, level + 1, e.getKey(), e.getValue()));
    } else if (value.isArray()) {
      w.heading(level, label);
      for (JsonNode item : value) {
        if (item.isObject()) {
          item.properties().forEach(e -> value(w, level + 1, e.getKey(), e.getValue()));
        } else {
          w.raw(level + 1, item.asText() + "\n");
        }
      }
    } else {
      w.line(level, label, value.asText());
    }
  }

  /** {@code addressType} -> {@code Address Type}, {@code podIP} -> {@code Pod IP}. */
  static String label(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean boundary =
          i > 0
              && Character.isUpperCase(c)
              && (Character.isLowerCase(key.charAt(i - 1))
                  || (i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1))));
      if (boundary) {
        out.append(' ');
      }
      out.append(i == 0 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }
}

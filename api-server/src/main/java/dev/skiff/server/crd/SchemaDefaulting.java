package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structural defaulting of a custom resource: a missing field whose schema has a {@code default}
 * gets it, and so does a {@code null} one that is not {@code nullable}; a {@code null} without a
 * default where the schema does not allow it is dropped (as kube-apiserver prunes such nulls).
 * Defaults apply at every level, inside defaults too.
 */
public final class SchemaDefaulting {
  private SchemaDefaulting() {}

  /** Defaults {@code value} in place by {@code schema}. */
  public static void apply(JsonNode value, JsonNode schema) {
    if (schema == null || schema.isMissingNode()) {
      return;
    }
    if (value instanceof ObjectNode object) {
      JsonNode properties = schema.path("properties");
      List<Map.Entry<String, JsonNode>> declared = new ArrayList<>();
      properties.fields().forEachRemaining(declared::add);
      for (Map.Entry<String, JsonNode> p : declared) {
        JsonNode current = object.get(p.getKey());
        JsonNode propertySchema = p.getValue();
        boolean nullable = propertySchema.path("nullable").asBoolean(false);
        if (current == null || (current.isNull() && !nullable)) {
          if (propertySchema.has("default")) {
            object.set(p.getKey(), propertySchema.get("default").deepCopy());
          } else if (current != null) {
            object.remove(p.getKey());
          }
        }
      }
      JsonNode additional = schema.path("additionalProperties");
      object
          .fields()
          .forEachRemaining(
              f -> {
                JsonNode s = properties.has(f.getKey()) ? properties.get(f.getKey()) : additional;
                if (s.isObject()) {
                  apply(f.getValue(), s);
                }
              });
    } else if (value instanceof ArrayNode array) {
      JsonNode items = schema.path("items");
      for (JsonNode item : array) {
        apply(item, items);
      }
    }
  }
}

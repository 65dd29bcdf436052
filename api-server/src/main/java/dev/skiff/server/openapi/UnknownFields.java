package dev.skiff.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields of an object (or of a merge or strategic-merge patch of it) that its kind's
 * generated schema does not declare, named as kube-apiserver's strict decoding names them ({@code
 * spec.containers[0].foo}). Keys starting with {@code $} are patch directives, not fields; objects
 * the schema leaves free-form are not looked into.
 */
final class UnknownFields {
  private final Map<String, ObjectNode> definitions;
  private final String root;

  private UnknownFields(Map<String, ObjectNode> definitions, String root) {
    this.definitions = definitions;
    this.root = root;
  }

  static UnknownFields of(ResourceType type) {
    SchemaGenerator schemas = SchemaGenerator.v2();
    String root = schemas.defineKind(type);
    return new UnknownFields(schemas.definitions(), root);
  }

  List<String> in(JsonNode object) {
    List<String> unknown = new ArrayList<>();
    walk(object, definitions.get(root), "", unknown);
    return unknown;
  }

  private void walk(JsonNode value, JsonNode schema, String path, List<String> unknown) {
    schema = resolve(schema);
    if (schema == null || value == null || value.isNull()) {
      return;
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        walk(value.get(i), schema.get("items"), path + "[" + i + "]", unknown);
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    if (properties.isEmpty() && additional == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      String fieldPath = path.isEmpty() ? name : path + "." + name;
      if (name.startsWith("$")) {
        continue;
      }
      if (properties.has(name)) {
        walk(field.getValue(), properties.get(name), fieldPath, unknown);
      } else if (additional != null) {
        walk(field.getValue(), additional, fieldPath, unknown);
      } else {
        unknown.add(fieldPath);
      }
    }
  }

  private JsonNode resolve(JsonNode schema) {
    while (schema != null && schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      schema = definitions.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }
}

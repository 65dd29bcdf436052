package dev.skiff.server.openapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.crd.CustomVersion;
import dev.skiff.server.patch.ListRule;
import dev.skiff.server.patch.MergeKeys;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates OpenAPI schemas from the Jackson model by reflection: one definition per model class
 * (named by {@link DefinitionNames}), its properties as Jackson serializes them, types from the
 * Java field types, descriptions and required fields from {@link FieldDocs}, and on lists the
 * strategic-merge-patch extensions the server's {@link MergeKeys} applies at that path. The same
 * generator writes v2 ({@code #/definitions/}) and v3 ({@code #/components/schemas/}, references
 * with a description wrapped in {@code allOf} as kube-apiserver does).
 */
final class SchemaGenerator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> QUANTITY_MAPS =
      Set.of("limits", "requests", "capacity", "allocatable", "usage", "overhead");

  private final String refPrefix;
  private final boolean v3;
  private final Map<String, ObjectNode> definitions = new TreeMap<>();
  private final Deque<Class<?>> stack = new ArrayDeque<>();

  private SchemaGenerator(String refPrefix, boolean v3) {
    this.refPrefix = refPrefix;
    this.v3 = v3;
  }

  static SchemaGenerator v2() {
    return new SchemaGenerator("#/definitions/", false);
  }

  static SchemaGenerator v3() {
    return new SchemaGenerator("#/components/schemas/", true);
  }

  /** Defines a served kind and everything it references; returns its definition name. */
  String defineKind(ResourceType type) {
    if (type.custom() instanceof CustomVersion version) {
      return defineCustom(type, version);
    }
    String name = define(type.type(), "", type.kind());
    ArrayNode gvks = definitions.get(name).putArray("x-kubernetes-group-version-kind");
    gvks.addObject()
        .put("group", type.group())
        .put("kind", type.kind())
        .put("version", type.version());
    return name;
  }

  /**
   * A custom kind: the CRD version's schema as it is, with apiVersion, kind and a reference to
   * ObjectMeta, named as kube-apiserver names it ({@code com.example.stable.v1.CronTab}).
   */
  private String defineCustom(ResourceType type, CustomVersion version) {
    List<String> parts = new ArrayList<>(List.of(type.group().split("\\.")));
    Collections.reverse(parts);
    String name = String.join(".", parts) + "." + type.version() + "." + type.kind();
    ObjectNode schema =
        version.schema().isObject()
            ? ((ObjectNode) version.schema()).deepCopy()
            : NODES.objectNode().put("type", "object");
    ObjectNode properties = schema.with("properties");
    properties.set(
        "apiVersion",
        NODES
            .objectNode()
            .put("description", "APIVersion defines the versioned schema of this object.")
            .put("type", "string"));
    properties.set(
        "kind",
        NODES
            .objectNode()
            .put("description", "Kind is a string value representing the REST resource.")
            .put("type", "string"));
    properties.set("metadata", reference(define(ObjectMeta.class, "metadata", type.kind())));
    schema
        .putArray("x-kubernetes-group-version-kind")
        .addObject()
        .put("group", type.group())
        .put("kind", type.kind())
        .put("version", type.version());
    definitions.put(name, schema);
    return name;
  }

  /** Every definition so far, by name. */
  Map<String, ObjectNode> definitions() {
    return definitions;
  }

  String ref(String definition) {
    return refPrefix + definition;
  }

  private String define(Class<?> type, String path, String kind) {
    String name = DefinitionNames.of(type);
    if (type == IntOrString.class) {
      definitions.computeIfAbsent(name, n -> intOrString());
      return name;
    }
    if (stack.contains(type)) {
      return name;
    }
    ObjectNode definition = definitions.computeIfAbsent(name, n -> newDefinition(type));
    ObjectNode properties = (ObjectNode) definition.get("properties");
    stack.push(type);
    for (BeanPropertyDefinition p : properties(type)) {
      String field = p.getName();
      String fieldPath = path.isEmpty() ? field : path + "." + field;
      ObjectNode schema = property(type, field, p.getPrimaryType(), fieldPath, kind);
      if (!properties.has(field) || schema.has("x-kubernetes-patch-strategy")) {
        properties.set(field, schema);
      }
    }
    stack.pop();
    return name;
  }

  private ObjectNode newDefinition(Class<?> type) {
    ObjectNode definition = NODES.objectNode();
    FieldDocs.kindDescription(type).ifPresent(d -> definition.put("description", d));
    definition.put("type", "object");
    definition.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    FieldDocs.required(type).forEach(required::add);
    if (!required.isEmpty()) {
      definition.set("required", required);
    }
    return definition;
  }

  private ObjectNode property(
      Class<?> owner, String field, JavaType type, String path, String kind) {
    ObjectNode schema = schema(type, field, path, kind);
    String description = FieldDocs.description(owner, field);
    if (schema.has("$ref")) {
      if (description == null) {
        return schema;
      }
      if (v3) {
        ObjectNode wrapped = NODES.objectNode();
        wrapped.put("description", description);
        wrapped.putArray("allOf").add(schema);
        return wrapped;
      }
    }
    if (description != null) {
      schema.put("description", description);
    }
    if (type.isCollectionLikeType()) {
      patchExtensions(schema, MergeKeys.forKind(kind).rule(path));
    }
    return schema;
  }

  private ObjectNode schema(JavaType type, String field, String path, String kind) {
    Class<?> raw = type.getRawClass();
    if (type.isCollectionLikeType()) {
      ObjectNode array = NODES.objectNode().put("type", "array");
      array.set("items", schema(type.getContentType(), field, path + "[]", kind));
      return array;
    }
    if (type.isMapLikeType()) {
      ObjectNode map = NODES.objectNode().put("type", "object");
      JavaType value = type.getContentType();
      if (value.getRawClass() == String.class && QUANTITY_MAPS.contains(field)) {
        definitions.computeIfAbsent(DefinitionNames.QUANTITY, n -> quantity());
        map.set("additionalProperties", reference(DefinitionNames.QUANTITY));
      } else if (value.getRawClass() != Object.class) {
        map.set("additionalProperties", schema(value, field, path, kind));
      }
      return map;
    }
    if (raw == String.class) {
      if (field.endsWith("Timestamp") || field.endsWith("Time")) {
        definitions.computeIfAbsent(DefinitionNames.TIME, n -> time());
        return reference(DefinitionNames.TIME);
      }
      return NODES.objectNode().put("type", "string");
    }
    if (raw == Integer.class || raw == int.class) {
      return NODES.objectNode().put("type", "integer").put("format", "int32");
    }
    if (raw == Long.class || raw == long.class) {
      return NODES.objectNode().put("type", "integer").put("format", "int64");
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return NODES.objectNode().put("type", "boolean");
    }
    if (raw == Double.class || raw == double.class) {
      return NODES.objectNode().put("type", "number").put("format", "double");
    }
    if (raw.isEnum()) {
      ObjectNode e = NODES.objectNode().put("type", "string");
      ArrayNode values = e.putArray("enum");
      for (Object c : raw.getEnumConstants()) {
        values.add(c.toString());
      }
      return e;
    }
    if (raw == Object.class || !raw.getPackageName().startsWith("dev.skiff.api.model")) {
      return NODES.objectNode().put("type", "object");
    }
    return reference(define(raw, path, kind));
  }

  private ObjectNode reference(String definition) {
    return NODES.objectNode().put("$ref", ref(definition));
  }

  private static void patchExtensions(ObjectNode schema, ListRule rule) {
    switch (rule.strategy()) {
      case MERGE_BY_KEY -> {
        schema.put("x-kubernetes-list-type", "map");
        schema.putArray("x-kubernetes-list-map-keys").add(rule.mergeKey());
        schema.put("x-kubernetes-patch-merge-key", rule.mergeKey());
        schema.put("x-kubernetes-patch-strategy", "merge");
      }
      case MERGE_SET -> {
        schema.put("x-kubernetes-list-type", "set");
        schema.put("x-kubernetes-patch-strategy", "merge");
      }
      case REPLACE -> schema.put("x-kubernetes-list-type", "atomic");
    }
  }

  private static Iterable<BeanPropertyDefinition> properties(Class<?> type) {
    BeanDescription bean =
        Json.mapper().getSerializationConfig().introspect(Json.mapper().constructType(type));
    return bean.findProperties();
  }

  private ObjectNode time() {
    return NODES
        .objectNode()
        .put("description", FieldDocs.kindDescription(DefinitionNames.TIME).orElse(""))
        .put("type", "string")
        .put("format", "date-time");
  }

  private ObjectNode quantity() {
    ObjectNode q =
        NODES
            .objectNode()
            .put("description", FieldDocs.kindDescription(DefinitionNames.QUANTITY).orElse(""));
    if (v3) {
      q.putArray("oneOf")
          .add(NODES.objectNode().put("type", "string"))
          .add(NODES.objectNode().put("type", "number"));
    } else {
      q.put("type", "string").put("format", "quantity");
    }
    return q;
  }

  private ObjectNode intOrString() {
    return NODES
        .objectNode()
        .put("description", FieldDocs.kindDescription(DefinitionNames.INT_OR_STRING).orElse(""))
        .put("type", "string")
        .put("format", "int-or-string")
        .put("x-kubernetes-int-or-string", true);
  }
}

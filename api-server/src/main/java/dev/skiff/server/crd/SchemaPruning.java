package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pruning of a custom resource by its structural schema, as kube-apiserver prunes: fields the
 * schema does not specify are dropped, unless {@code x-kubernetes-preserve-unknown-fields} keeps
 * them; {@code apiVersion}, {@code kind} and {@code metadata} at the root are always kept.
 */
public final class SchemaPruning {
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private SchemaPruning() {}

  /**
   * Drops the unspecified fields of {@code object} in place.
   *
   * @return their paths as Kubernetes names them ({@code spec.foo}, {@code spec.items[0].bar})
   */
  public static List<String> prune(ObjectNode object, JsonNode schema) {
    List<String> pruned = new ArrayList<>();
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return pruned;
    }
    pruneObject(object, schema, "", true, pruned);
    return pruned;
  }

  /** The paths {@link #prune} would drop, leaving {@code object} as it is. */
  public static List<String> unknown(ObjectNode object, JsonNode schema) {
    return prune(object.deepCopy(), schema);
  }

  private static void prune(JsonNode value, JsonNode schema, String path, List<String> pruned) {
    if (schema == null || schema.isMissingNode()) {
      return;
    }
    if (value instanceof ObjectNode object) {
      pruneObject(object, schema, path, false, pruned);
    } else if (value instanceof ArrayNode array) {
      JsonNode items = schema.path("items");
      for (int i = 0; i < array.size(); i++) {
        prune(array.get(i), items, path + "[" + i + "]", pruned);
      }
    }
  }

  private static void pruneObject(
      ObjectNode object, JsonNode schema, String path, boolean root, List<String> pruned) {
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String child = path.isEmpty() ? name : path + "." + name;
      if (root && ROOT_FIELDS.contains(name)) {
        continue;
      }
      if (properties.has(name)) {
        prune(field.getValue(), properties.get(name), child, pruned);
      } else if (additional.isObject()) {
        prune(field.getValue(), additional, child, pruned);
      } else if (!preserve && !additional.asBoolean(false)) {
        pruned.add(child);
        fields.remove();
      }
    }
  }
}

package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes strategic merge patch ({@code application/strategic-merge-patch+json}): a merge patch
 * in which the lists named by {@link MergeKeys} merge element by element, plus the directives
 * kubectl generates:
 *
 * <ul>
 *   <li>{@code "$patch": "replace"} on a map or as a list element: replace instead of merging;
 *   <li>{@code "$patch": "delete"} in a keyed list element: remove that element (on a map: remove
 *       the map; as a lone list element: remove the list); {@code "$patch": "merge"} is the
 *       default;
 *   <li>{@code "$retainKeys": [...]}: drop the live map's keys that are not listed, then merge;
 *   <li>{@code "$deleteFromPrimitiveList/<list>": [...]}: remove those values from a primitive
 *       list;
 *   <li>{@code "$setElementOrder/<list>": [...]}: order the merged list loosely: listed elements
 *       first in the given order, the others after them in their current order.
 * </ul>
 *
 * <p>{@code null} deletes a key. Directives never reach the result. A malformed directive, an
 * unknown {@code $}-prefixed key, a keyed-list element without its key, or a patch that is not an
 * object is 400 BadRequest.
 */
public final class StrategicMergePatch {
  private final StrategicLists lists;

  private StrategicMergePatch(MergeKeys keys) {
    this.lists = new StrategicLists(this, keys);
  }

  /** The result of applying {@code patch} to {@code live}; neither argument is modified. */
  public static ObjectNode apply(ObjectNode live, JsonNode patch, MergeKeys keys) {
    if (!(patch instanceof ObjectNode patchObject)) {
      throw PatchErrors.badRequest("a strategic merge patch must be a JSON object");
    }
    ObjectNode merged = new StrategicMergePatch(keys).mergeMap(live.deepCopy(), patchObject, "");
    return merged == null ? JsonNodeFactory.instance.objectNode() : merged;
  }

  /**
   * Merges {@code patch} into {@code original}, which is modified and returned; null when the patch
   * deletes the map.
   */
  ObjectNode mergeMap(ObjectNode original, ObjectNode patch, String path) {
    ObjectNode target = original;
    JsonNode directive = patch.get(Directives.PATCH);
    if (directive != null) {
      String value = directive(directive, path);
      if (value.equals(Directives.DELETE)) {
        return null;
      }
      if (value.equals(Directives.REPLACE)) {
        target = JsonNodeFactory.instance.objectNode();
      }
    }
    retainKeys(target, patch, path);
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getKey().startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
        String list = field.getKey().substring(Directives.DELETE_FROM_PRIMITIVE_LIST.length());
        lists.deleteValues(target.get(list), field.getValue(), child(path, list));
      }
    }
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String key = field.getKey();
      if (Directives.isDirective(key)) {
        continue;
      }
      if (Directives.isReserved(key)) {
        throw PatchErrors.badRequest(
            "unknown strategic merge patch directive \"" + key + "\" at " + where(path));
      }
      JsonNode merged = mergeValue(target.get(key), field.getValue(), child(path, key));
      if (merged == null) {
        target.remove(key);
      } else {
        target.set(key, merged);
      }
    }
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getKey().startsWith(Directives.SET_ELEMENT_ORDER)) {
        String list = field.getKey().substring(Directives.SET_ELEMENT_ORDER.length());
        lists.order(target.get(list), field.getValue(), child(path, list));
      }
    }
    return target;
  }

  /** The merged value of one field; null when the field is to be removed. */
  private JsonNode mergeValue(JsonNode original, JsonNode patch, String path) {
    if (patch.isNull()) {
      return null;
    }
    if (patch instanceof ObjectNode patchObject) {
      ObjectNode base =
          original instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
      return mergeMap(base, patchObject, path);
    }
    if (patch instanceof ArrayNode patchArray) {
      return lists.merge(original instanceof ArrayNode array ? array : null, patchArray, path);
    }
    return patch;
  }

  /** The value of a {@code $patch} directive: replace, delete or merge. */
  static String directive(JsonNode value, String path) {
    String text = value.isTextual() ? value.textValue() : "";
    if (!text.equals(Directives.REPLACE)
        && !text.equals(Directives.DELETE)
        && !text.equals(Directives.MERGE)) {
      throw PatchErrors.badRequest(
          "unknown patch type: "
              + value
              + " at "
              + where(path)
              + "; expected replace, delete or merge");
    }
    return text;
  }

  private static void retainKeys(ObjectNode target, ObjectNode patch, String path) {
    JsonNode retain = patch.get(Directives.RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    if (!retain.isArray()) {
      throw PatchErrors.badRequest(
          "$retainKeys at " + where(path) + " must be a list of field names");
    }
    Set<String> kept = new HashSet<>();
    retain.forEach(name -> kept.add(name.asText()));
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String key = field.getKey();
      if (!Directives.isDirective(key) && !field.getValue().isNull() && !kept.contains(key)) {
        throw PatchErrors.badRequest(
            "the patch sets \""
                + key
                + "\" at "
                + where(path)
                + ", which its $retainKeys does not list");
      }
    }
    List<String> dropped = new ArrayList<>();
    target
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!kept.contains(key)) {
                dropped.add(key);
              }
            });
    target.remove(dropped);
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String where(String path) {
    return path.isEmpty() ? "the object root" : "\"" + path + "\"";
  }
}

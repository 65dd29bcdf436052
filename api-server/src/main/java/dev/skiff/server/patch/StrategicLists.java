package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The list half of {@link StrategicMergePatch}: keyed merge, set merge, order and removal. */
final class StrategicLists {
  private final StrategicMergePatch maps;
  private final MergeKeys keys;

  StrategicLists(StrategicMergePatch maps, MergeKeys keys) {
    this.maps = maps;
    this.keys = keys;
  }

  /** The merged list; null when the patch deletes it. {@code original} may be null. */
  JsonNode merge(ArrayNode original, ArrayNode patch, String path) {
    List<JsonNode> items = new ArrayList<>();
    boolean replace = false;
    for (JsonNode item : patch) {
      if (item instanceof ObjectNode object && object.size() == 1 && object.has(Directives.PATCH)) {
        String directive = StrategicMergePatch.directive(object.get(Directives.PATCH), path);
        if (directive.equals(Directives.DELETE)) {
          return null;
        }
        replace |= directive.equals(Directives.REPLACE);
      } else {
        items.add(item);
      }
    }
    ListRule rule = replace ? ListRule.ATOMIC : keys.rule(path);
    ArrayNode target = original == null ? JsonNodeFactory.instance.arrayNode() : original;
    return switch (rule.strategy()) {
      case REPLACE -> fresh(items, path);
      case MERGE_BY_KEY -> mergeByKey(target, items, rule.mergeKey(), path);
      case MERGE_SET -> union(target, items, path);
    };
  }

  /** Removes {@code values} from the primitive list {@code list}, when it is one. */
  void deleteValues(JsonNode list, JsonNode values, String path) {
    if (!values.isArray()) {
      throw PatchErrors.badRequest(
          "$deleteFromPrimitiveList for " + StrategicMergePatch.where(path) + " must be a list");
    }
    if (list instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (contains(values, array.get(i))) {
          array.remove(i);
        }
      }
    }
  }

  /** Orders {@code list} by {@code order}: listed elements first, as listed; the rest after. */
  void order(JsonNode list, JsonNode order, String path) {
    if (!order.isArray()) {
      throw PatchErrors.badRequest(
          "$setElementOrder for " + StrategicMergePatch.where(path) + " must be a list");
    }
    if (!(list instanceof ArrayNode array)) {
      return;
    }
    String key = keys.rule(path).mergeKey();
    List<JsonNode> elements = new ArrayList<>();
    array.forEach(elements::add);
    elements.sort(Comparator.comparingInt(element -> rank(order, element, key)));
    array.removeAll();
    array.addAll(elements);
  }

  private JsonNode mergeByKey(ArrayNode target, List<JsonNode> items, String key, String path) {
    String elementPath = path + "[]";
    for (JsonNode item : items) {
      if (!(item instanceof ObjectNode object)) {
        throw PatchErrors.badRequest(
            "the list "
                + StrategicMergePatch.where(path)
                + " merges by \""
                + key
                + "\": its elements must be objects");
      }
      JsonNode id = object.get(key);
      if (id == null || id.isNull()) {
        throw PatchErrors.badRequest(
            "an element of the list "
                + StrategicMergePatch.where(path)
                + " lacks its merge key \""
                + key
                + "\"");
      }
      int index = indexOf(target, id, key);
      ObjectNode base =
          index >= 0 && target.get(index) instanceof ObjectNode existing
              ? existing
              : JsonNodeFactory.instance.objectNode();
      ObjectNode merged = maps.mergeMap(base, object, elementPath);
      if (merged == null) {
        for (int i = target.size() - 1; i >= 0; i--) {
          if (JsonValues.same(target.get(i).get(key), id)) {
            target.remove(i);
          }
        }
      } else if (index >= 0) {
        target.set(index, merged);
      } else {
        target.add(merged);
      }
    }
    return target;
  }

  private JsonNode union(ArrayNode target, List<JsonNode> items, String path) {
    for (JsonNode item : items) {
      JsonNode value = element(item, path);
      if (value != null && !contains(target, value)) {
        target.add(value);
      }
    }
    return target;
  }

  private ArrayNode fresh(List<JsonNode> items, String path) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    for (JsonNode item : items) {
      JsonNode value = element(item, path);
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  /** One element of a list the patch sets, with its directives applied; null when deleted. */
  private JsonNode element(JsonNode item, String path) {
    String elementPath = path + "[]";
    if (item instanceof ObjectNode object) {
      return maps.mergeMap(JsonNodeFactory.instance.objectNode(), object, elementPath);
    }
    if (item instanceof ArrayNode array) {
      return merge(null, array, elementPath);
    }
    return item;
  }

  private static int indexOf(ArrayNode list, JsonNode id, String key) {
    for (int i = 0; i < list.size(); i++) {
      if (JsonValues.same(list.get(i).get(key), id)) {
        return i;
      }
    }
    return -1;
  }

  private static int rank(JsonNode order, JsonNode element, String key) {
    JsonNode id = identity(element, key);
    for (int i = 0; id != null && i < order.size(); i++) {
      if (JsonValues.same(identity(order.get(i), key), id)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode element : list) {
      if (JsonValues.same(element, value)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode identity(JsonNode node, String key) {
    return key != null && node.isObject() ? node.get(key) : node;
  }
}

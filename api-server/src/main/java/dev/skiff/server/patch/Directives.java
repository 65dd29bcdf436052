package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The strategic-merge-patch directive keys, and a sweep that removes every {@code $}-prefixed key
 * from a tree: no field of a Kubernetes object starts with {@code $}, so such a key is a directive
 * or a misspelled one, never data.
 */
final class Directives {
  static final String PATCH = "$patch";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String SET_ELEMENT_ORDER = "$setElementOrder/";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

  static final String REPLACE = "replace";
  static final String DELETE = "delete";
  static final String MERGE = "merge";

  private Directives() {}

  static boolean isDirective(String key) {
    return key.equals(PATCH)
        || key.equals(RETAIN_KEYS)
        || key.startsWith(SET_ELEMENT_ORDER)
        || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
  }

  /** Whether a key is reserved for directives: it starts with {@code $}. */
  static boolean isReserved(String key) {
    return key.startsWith("$");
  }

  /** Removes every reserved key at any depth, in place. */
  static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isReserved(field.getKey())) {
          fields.remove();
        } else {
          strip(field.getValue());
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(Directives::strip);
    }
  }
}

package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patch, RFC 7386 ({@code application/merge-patch+json}): objects merge recursively,
 * {@code null} deletes a member, arrays and every other non-object value replace what was there.
 */
public final class MergePatch {
  private MergePatch() {}

  /**
   * The result of applying {@code patch} to {@code target}; neither argument is modified. A patch
   * that is not an object replaces the whole target (so the result may not be an object).
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode patchObject)) {
      return patch == null ? null : patch.deepCopy();
    }
    ObjectNode result =
        target instanceof ObjectNode object
            ? object.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    mergeInto(result, patchObject);
    return result;
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        target.remove(key);
      } else if (value instanceof ObjectNode patchChild) {
        ObjectNode child =
            target.get(key) instanceof ObjectNode existing
                ? existing
                : JsonNodeFactory.instance.objectNode();
        mergeInto(child, patchChild);
        target.set(key, child);
      } else {
        target.set(key, value.deepCopy());
      }
    }
  }
}

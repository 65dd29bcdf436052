package dev.skiff.api.selector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The list/watch filter of the API server: a label selector on {@code metadata.labels} AND a field
 * selector, both read from the object's JSON tree.
 *
 * @param labels the label selector; {@link Selector#everything()} when none was given
 * @param fields the field selector, validated for the resource type
 */
public record ObjectFilter(Selector labels, FieldSelector fields) implements Predicate<ObjectNode> {
  public static final ObjectFilter EVERYTHING =
      new ObjectFilter(Selector.everything(), FieldSelector.everything());

  /**
   * Builds the filter from the {@code labelSelector} and {@code fieldSelector} query parameters
   * (either may be null).
   *
   * @throws StatusException BadRequest for a malformed selector or an unsupported field label
   */
  public static ObjectFilter of(String labelSelector, String fieldSelector, ResourceType type) {
    return new ObjectFilter(
        Selector.parse(labelSelector), FieldSelector.parse(fieldSelector).validate(type));
  }

  @Override
  public boolean test(ObjectNode object) {
    return fields.matches(object) && labels.matches(labelsOf(object));
  }

  public boolean isEmpty() {
    return labels.isEmpty() && fields.isEmpty();
  }

  /** {@code metadata.labels} of a JSON object as a map (empty when absent). */
  public static Map<String, String> labelsOf(ObjectNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    if (!labels.isObject() || labels.isEmpty()) {
      return Map.of();
    }
    Map<String, String> result = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      if (!e.getValue().isNull()) {
        result.put(e.getKey(), e.getValue().asText());
      }
    }
    return result;
  }
}

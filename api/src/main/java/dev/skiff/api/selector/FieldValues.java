package dev.skiff.api.selector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Reads a field label's value from an object's JSON tree the way the apiserver's {@code
 * ToSelectableFields} functions do: a dotted path, missing = "", booleans and numbers as text. A
 * few labels are not plain paths or have typed defaults; they are listed here.
 */
final class FieldValues {
  /** Field labels that name a different JSON path (core/v1 Event). */
  private static final Map<String, String> ALIASES =
      Map.of("source", "source.component", "reportingComponent", "reportingController");

  /** Values of absent non-string fields, as Go prints their zero value. */
  private static final Map<String, String> ZERO_VALUES =
      Map.of("spec.hostNetwork", "false", "spec.unschedulable", "false", "status.replicas", "0");

  private FieldValues() {}

  static String get(ObjectNode object, String field) {
    JsonNode node = object;
    for (String segment : ALIASES.getOrDefault(field, field).split("\\.", -1)) {
      node = node == null ? null : node.get(segment);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return ZERO_VALUES.getOrDefault(field, "");
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    return node.toString();
  }
}

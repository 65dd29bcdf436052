package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The simple JSONPath of printer columns, scale paths and kubectl's jsonpath output: {@code
 * .spec.replicas}, {@code .status.conditions[0].type}, {@code .metadata.labels['app.io/x']}, {@code
 * .status.conditions[?(@.type=="Ready")].status}. A path that finds nothing gives a missing node.
 */
public final class JsonPaths {
  private JsonPaths() {}

  public static JsonNode find(JsonNode root, String path) {
    JsonNode current = root;
    int i = 0;
    String p = path.trim();
    if (p.startsWith("{") && p.endsWith("}")) {
      p = p.substring(1, p.length() - 1).trim();
    }
    if (p.startsWith("$")) {
      i = 1;
    }
    while (i < p.length() && current != null && !current.isMissingNode()) {
      char c = p.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        String field = p.substring(i + 1, end);
        current = field.isEmpty() ? current : current.path(field);
        i = end;
      } else if (c == '[') {
        int end = closing(p, i);
        if (end < 0) {
          return MissingNode.getInstance();
        }
        current = step(current, p.substring(i + 1, end).trim());
        i = end + 1;
      } else {
        int end = i;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        current = current.path(p.substring(i, end));
        i = end;
      }
    }
    return current == null ? MissingNode.getInstance() : current;
  }

  /**
   * Sets the field a dotted path ({@code .spec.replicas}) names, creating the objects on the way.
   *
   * @return false when the path is not a plain dotted path or crosses a non-object
   */
  public static boolean set(
      com.fasterxml.jackson.databind.node.ObjectNode root, String path, JsonNode value) {
    String p = path.trim();
    if (!p.startsWith(".") || p.contains("[")) {
      return false;
    }
    String[] fields = p.substring(1).split("\\.");
    com.fasterxml.jackson.databind.node.ObjectNode current = root;
    for (int i = 0; i < fields.length - 1; i++) {
      JsonNode next = current.get(fields[i]);
      if (next == null || next.isNull()) {
        next = current.putObject(fields[i]);
      }
      if (!(next instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
        return false;
      }
      current = object;
    }
    current.set(fields[fields.length - 1], value);
    return true;
  }

  private static int closing(String p, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\'' || c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode step(JsonNode current, String inner) {
    if (inner.startsWith("'") || inner.startsWith("\"")) {
      return current.path(inner.substring(1, inner.length() - 1));
    }
    if (inner.equals("*")) {
      return current.isArray() && !current.isEmpty() ? current.get(0) : MissingNode.getInstance();
    }
    if (inner.startsWith("?(") && inner.endsWith(")")) {
      return filter(current, inner.substring(2, inner.length() - 1).trim());
    }
    try {
      int index = Integer.parseInt(inner);
      if (index < 0) {
        index += current.size();
      }
      return current.path(index);
    } catch (NumberFormatException e) {
      return MissingNode.getInstance();
    }
  }

  /** {@code @.type=="Ready"}: the first element whose field equals the literal. */
  private static JsonNode filter(JsonNode array, String condition) {
    int eq = condition.indexOf("==");
    if (!array.isArray() || eq < 0 || !condition.startsWith("@")) {
      return MissingNode.getInstance();
    }
    String left = condition.substring(1, eq).trim();
    String right = condition.substring(eq + 2).trim();
    if (right.length() >= 2 && (right.startsWith("\"") || right.startsWith("'"))) {
      right = right.substring(1, right.length() - 1);
    }
    for (JsonNode item : array) {
      JsonNode value = find(item, left);
      if (!value.isMissingNode() && value.asText().equals(right)) {
        return item;
      }
    }
    return MissingNode.getInstance();
  }
}

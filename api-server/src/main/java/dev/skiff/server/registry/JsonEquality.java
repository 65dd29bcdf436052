package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Deep equality of JSON trees where 1, 1L and 1.0 are the same number. */
public final class JsonEquality {
  private static final Comparator<JsonNode> NUMERIC_AWARE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonEquality() {}

  public static boolean same(JsonNode a, JsonNode b) {
    if (a == null || a.isNull() || a.isMissingNode()) {
      return b == null || b.isNull() || b.isMissingNode();
    }
    return b != null && a.equals(NUMERIC_AWARE, b);
  }
}

package dev.skiff.api.selector;

import dev.skiff.api.status.GoText;
import java.util.List;

/**
 * Renders apimachinery field.Error / aggregate messages, so parse errors read like the server's.
 */
final class FieldErrors {
  private FieldErrors() {}

  /** {@code path: Invalid value: "v": detail}; a null path prints as Go's nil path, "<nil>". */
  static String invalid(String path, String value, String detail) {
    return (path == null ? "<nil>" : path) + ": Invalid value: " + quote(value) + ": " + detail;
  }

  static String invalid(String path, List<String> values, String detail) {
    StringBuilder sb = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
    }
    return path + ": Invalid value: " + sb.append('}') + ": " + detail;
  }

  /** utilerrors.Aggregate: one message alone, several as {@code [a, b]}. */
  static String aggregate(List<String> errors) {
    return errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
  }

  static String quote(String s) {
    return GoText.quote(s);
  }
}

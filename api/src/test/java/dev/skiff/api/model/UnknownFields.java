package dev.skiff.api.model;

import dev.skiff.api.model.meta.UndeclaredFields;
import java.util.ArrayList;
import java.util.List;

/** Walks a parsed model and lists where unknown (untyped) fields were kept. */
final class UnknownFields {
  private UnknownFields() {}

  /**
   * Test fixtures mark deliberately unknown fields with a "zz" prefix; volume sources are loose.
   */
  static boolean isExpectedUnknown(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    return last.startsWith("zz") || path.matches(".*\\.volumes\\[\\d+]\\.(emptyDir|configMap)");
  }

  static List<String> paths(Object root) {
    List<String> out = new ArrayList<>();
    UndeclaredFields.walk(
        root,
        (owner, path, name) -> {
          out.add("." + path);
          return false;
        });
    return out;
  }
}

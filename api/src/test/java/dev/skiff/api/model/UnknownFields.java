package dev.skiff.api.model;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.KubeObject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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
    walk(root, "", out);
    return out;
  }

  private static void walk(Object o, String path, List<String> out) {
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        walk(item, path + "[" + i++ + "]", out);
      }
      return;
    }
    Map<String, Object> unknown;
    if (o instanceof Extensible e) {
      unknown = e.additionalProperties();
    } else if (o instanceof KubeObject k) {
      unknown = k.additionalProperties();
    } else {
      return;
    }
    unknown.keySet().forEach(k -> out.add(path + "." + k));
    for (Field f : o.getClass().getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      try {
        walk(f.get(o), path + "." + f.getName(), out);
      } catch (IllegalAccessException ex) {
        throw new IllegalStateException(ex);
      }
    }
  }
}

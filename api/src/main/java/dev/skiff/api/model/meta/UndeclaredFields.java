package dev.skiff.api.model.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;

/**
 * Walks a decoded object and visits every field its model does not declare (what {@link Extensible}
 * and {@link KubeObject} keep aside), with its path as Kubernetes names it: {@code
 * spec.ports[0].bogus}.
 */
public final class UndeclaredFields {
  /** Sees one undeclared field; answers whether to drop it. */
  @FunctionalInterface
  public interface Visitor {
    boolean visit(Object owner, String path, String name);
  }

  private UndeclaredFields() {}

  public static void walk(Object root, Visitor visitor) {
    walk(root, "", visitor);
  }

  private static void walk(Object o, String path, Visitor visitor) {
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        walk(item, path + "[" + i++ + "]", visitor);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(v, path + "[" + k + "]", visitor));
      return;
    }
    Map<String, Object> undeclared;
    if (o instanceof Extensible e) {
      undeclared = e.additionalProperties();
    } else if (o instanceof KubeObject k) {
      undeclared = k.additionalProperties();
    } else {
      return;
    }
    String prefix = path.isEmpty() ? "" : path + ".";
    undeclared.keySet().removeIf(name -> visitor.visit(o, prefix + name, name));
    for (Field f : o.getClass().getFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      try {
        walk(f.get(o), prefix + jsonName(f), visitor);
      } catch (IllegalAccessException ex) {
        throw new IllegalStateException(ex);
      }
    }
  }

  private static String jsonName(Field f) {
    JsonProperty name = f.getAnnotation(JsonProperty.class);
    return name == null || name.value().isEmpty() ? f.getName() : name.value();
  }
}

package dev.skiff.server.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Descriptions and required fields for the generated schemas, from {@code field-docs.properties}
 * (Kubernetes' own wording, shortened): {@code Class} for a type, {@code Class.field} for one
 * field, {@code *.field} for a field of that name in any type, {@code required.Class} for the
 * comma-separated required fields. The Java model has no runtime documentation, so this table is
 * the one place the words live; a field without an entry simply has no description.
 */
final class FieldDocs {
  private static final Properties DOCS = load();

  private FieldDocs() {}

  static Optional<String> kindDescription(Class<?> type) {
    return Optional.ofNullable(DOCS.getProperty(type.getSimpleName()));
  }

  /** A description by definition name's last segment ("Time", "Quantity"). */
  static Optional<String> kindDescription(String definition) {
    return Optional.ofNullable(
        DOCS.getProperty(definition.substring(definition.lastIndexOf('.') + 1)));
  }

  static String description(Class<?> owner, String field) {
    String own = DOCS.getProperty(owner.getSimpleName() + "." + field);
    return own != null ? own : DOCS.getProperty("*." + field);
  }

  static List<String> required(Class<?> type) {
    String fields = DOCS.getProperty("required." + type.getSimpleName());
    return fields == null ? List.of() : Arrays.stream(fields.split(",")).map(String::trim).toList();
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = FieldDocs.class.getResourceAsStream("field-docs.properties")) {
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}

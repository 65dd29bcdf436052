package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.crd.CustomVersion;
import dev.skiff.server.crd.SchemaPruning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A write's {@code fieldValidation} directive, as kube-apiserver applies it to the fields of an
 * object that its kind does not declare (which are dropped in any case, see {@link UnknownFields}):
 * {@code Ignore} says nothing, {@code Warn} (the default) collects a warning per field for the
 * response's {@code Warning} headers, {@code Strict} (kubectl's default) refuses the write with 400
 * BadRequest {@code strict decoding error: unknown field "spec.bogus"}. Collects from any thread.
 */
public final class FieldValidation {
  /** Validation off: for writes that do not come from a client request. */
  public static final FieldValidation IGNORE = new FieldValidation("Ignore");

  private final String directive;
  private final Set<String> warnings = new LinkedHashSet<>();

  private FieldValidation(String directive) {
    this.directive = directive;
  }

  /**
   * The directive of a request's {@code fieldValidation} parameter; absent or empty is Warn.
   *
   * @throws StatusException 400 BadRequest for any other value
   */
  public static FieldValidation of(String value) {
    String directive = value == null || value.isEmpty() ? "Warn" : value;
    return switch (directive) {
      case "Ignore" -> IGNORE;
      case "Warn", "Strict" -> new FieldValidation(directive);
      default ->
          throw StatusException.badRequest(
              "fieldValidation: Unsupported value: \""
                  + value
                  + "\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
    };
  }

  /**
   * Checks the object a write would store, before admission drops what the kind lacks.
   *
   * @param before the stored object an update starts from, or null: fields it carries already
   *     (stored before pruning existed) are not the client's doing
   */
  void check(ResourceType type, ObjectNode object, ObjectNode before) {
    if (this == IGNORE) {
      return;
    }
    List<String> paths = new ArrayList<>(unknown(type, object));
    if (!paths.isEmpty() && before != null) {
      paths.removeAll(unknown(type, before));
    }
    if (paths.isEmpty()) {
      return;
    }
    List<String> problems = paths.stream().map(p -> "unknown field \"" + p + "\"").toList();
    if (directive.equals("Strict")) {
      throw StatusException.badRequest(
          "strict decoding error: " + problems.stream().collect(Collectors.joining(", ")));
    }
    synchronized (warnings) {
      warnings.addAll(problems);
    }
  }

  /** Undeclared fields: by the model for built-in kinds, by the CRD's schema for custom ones. */
  private static List<String> unknown(ResourceType type, ObjectNode object) {
    return type.custom() instanceof CustomVersion version
        ? SchemaPruning.unknown(object, version.schema())
        : UnknownFields.of(type, object);
  }

  /** The warnings collected (Warn only), each once, in the order found. */
  public List<String> warnings() {
    synchronized (warnings) {
      return new ArrayList<>(warnings);
    }
  }
}

package dev.skiff.server.table;

import dev.skiff.api.status.StatusException;

/** The includeObject query parameter of Table requests. */
public enum IncludeObject {
  NONE,
  METADATA,
  OBJECT;

  /** Metadata when absent; 400 for unknown values. */
  public static IncludeObject parse(String value) {
    if (value == null || value.isEmpty()) {
      return METADATA;
    }
    return switch (value) {
      case "None" -> NONE;
      case "Metadata" -> METADATA;
      case "Object" -> OBJECT;
      default ->
          throw StatusException.badRequest(
              "includeObject: Unsupported value: \""
                  + value
                  + "\": supported values: \"Metadata\", \"None\", \"Object\"");
    };
  }
}

package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small accessors for metadata fields of raw objects. */
public final class Metadata {
  private Metadata() {}

  /** metadata, created when absent (or null in the body). */
  public static ObjectNode of(ObjectNode object) {
    JsonNode meta = object.get("metadata");
    if (meta instanceof ObjectNode m) {
      return m;
    }
    return object.putObject("metadata");
  }

  public static String text(JsonNode object, String field) {
    JsonNode value = object.path("metadata").get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  public static String name(JsonNode object) {
    return text(object, "name");
  }

  public static String namespace(JsonNode object) {
    return text(object, "namespace");
  }

  public static String resourceVersion(JsonNode object) {
    return text(object, "resourceVersion");
  }

  public static boolean isDeleting(JsonNode object) {
    return !text(object, "deletionTimestamp").isEmpty();
  }

  public static boolean hasFinalizers(JsonNode object) {
    JsonNode f = object.path("metadata").path("finalizers");
    return f.isArray() && !f.isEmpty();
  }
}

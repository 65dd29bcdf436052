package dev.skiff.server.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: JSON written with single quotes, for readable tables. */
final class Trees {
  private Trees() {}

  static JsonNode tree(String singleQuoted) {
    try {
      return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String singleQuoted) {
    return (ObjectNode) tree(singleQuoted);
  }

  static byte[] bytes(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  /** Whether any object key at any depth starts with '$'. */
  static boolean hasDollarKey(JsonNode node) {
    if (node.isObject()) {
      for (var field : node.properties()) {
        if (field.getKey().startsWith("$") || hasDollarKey(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (hasDollarKey(element)) {
          return true;
        }
      }
    }
    return false;
  }
}

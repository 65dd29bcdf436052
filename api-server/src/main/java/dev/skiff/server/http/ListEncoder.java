package dev.skiff.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.table.IncludeObject;
import dev.skiff.server.table.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Encodes a list response, streaming items into one buffer (the stored trees are shared and never
 * copied). Every item carries apiVersion and kind.
 */
final class ListEncoder {
  private ListEncoder() {}

  static byte[] list(ResourceType type, ListResult result, Predicate<ObjectNode> filter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + result.items().size() * 1024);
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("kind", type.listKind());
      g.writeStringField("apiVersion", type.apiVersion());
      g.writeObjectFieldStart("metadata");
      g.writeStringField("resourceVersion", Long.toString(result.resourceVersion()));
      g.writeEndObject();
      g.writeArrayFieldStart("items");
      for (ObjectNode item : result.items()) {
        if (filter.test(item)) {
          writeItem(g, type, item);
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] table(
      ResourceType type,
      ListResult result,
      Predicate<ObjectNode> filter,
      IncludeObject include,
      Instant now) {
    List<ObjectNode> items = result.items().stream().filter(filter).toList();
    return Json.toBytes(
        Tables.table(type, items, Long.toString(result.resourceVersion()), include, now));
  }

  private static void writeItem(JsonGenerator g, ResourceType type, ObjectNode item)
      throws IOException {
    if (item.has("apiVersion") && item.has("kind")) {
      g.writeTree(item);
      return;
    }
    ObjectNode copy = item.deepCopy();
    copy.put("apiVersion", type.apiVersion());
    copy.put("kind", type.kind());
    g.writeTree(copy);
  }
}

package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.selector.ObjectFilter;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.store.StoredObject;
import dev.skiff.server.table.IncludeObject;
import dev.skiff.server.table.Tables;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a list response: the JSON list copies each item's stored JSON into one buffer (no tree,
 * no serialization); a Table parses the items it shows. Every item carries apiVersion and kind.
 */
final class ListEncoder {
  private ListEncoder() {}

  static Buffer list(ResourceType type, ListResult result, ObjectFilter filter) {
    List<StoredObject> objects = result.objects();
    Buffer buffer = Buffer.buffer(256 + objects.size() * 1024);
    buffer.appendBytes(head(type, result.resourceVersion()));
    boolean first = true;
    for (StoredObject object : objects) {
      if (filter.isEmpty() || filter.test(object.tree())) {
        if (!first) {
          buffer.appendByte((byte) ',');
        }
        first = false;
        writeItem(buffer, type, object);
      }
    }
    return buffer.appendString("]}");
  }

  static Buffer table(
      ResourceType type,
      ListResult result,
      ObjectFilter filter,
      IncludeObject include,
      Instant now) {
    List<ObjectNode> items = result.items().stream().filter(filter).toList();
    return Buffer.buffer(
        Json.toBytes(
            Tables.table(type, items, Long.toString(result.resourceVersion()), include, now)));
  }

  /** {@code {"kind":..,"apiVersion":..,"metadata":{"resourceVersion":..},"items":[}. */
  private static byte[] head(ResourceType type, long resourceVersion) {
    ObjectNode head = Json.mapper().createObjectNode();
    head.put("kind", type.listKind());
    head.put("apiVersion", type.apiVersion());
    head.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
    head.putArray("items");
    byte[] json = Json.toBytes(head);
    return Arrays.copyOf(json, json.length - 2);
  }

  /** The stored JSON as it is; apiVersion and kind added to an object that lacks them. */
  private static void writeItem(Buffer buffer, ResourceType type, StoredObject object) {
    if (object.hasTypeMeta()) {
      buffer.appendBytes(object.json());
      return;
    }
    ObjectNode copy = object.tree();
    copy.put("apiVersion", type.apiVersion());
    copy.put("kind", type.kind());
    buffer.appendBytes(Json.toBytes(copy));
  }
}

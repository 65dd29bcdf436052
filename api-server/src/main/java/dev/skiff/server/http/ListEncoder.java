package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.selector.ObjectFilter;
import dev.skiff.server.crd.CustomVersions;
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
    return list(type, new ListOptions.Page(result, null, null), filter);
  }

  /** One page of a list, with its {@code continue} token and {@code remainingItemCount}. */
  static Buffer list(ResourceType type, ListOptions.Page page, ObjectFilter filter) {
    List<StoredObject> objects = page.result().objects();
    Buffer buffer = Buffer.buffer(256 + objects.size() * 1024);
    buffer.appendBytes(head(type, page));
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
      ListOptions.Page page,
      ObjectFilter filter,
      IncludeObject include,
      Instant now) {
    ListResult result = page.result();
    List<ObjectNode> items =
        result.items().stream().filter(filter).map(o -> CustomVersions.as(type, o)).toList();
    ObjectNode table =
        Tables.table(type, items, Long.toString(result.resourceVersion()), include, now);
    continuation((ObjectNode) table.get("metadata"), page);
    return Buffer.buffer(Json.toBytes(table));
  }

  /** {@code {"kind":..,"apiVersion":..,"metadata":{"resourceVersion":..},"items":[}. */
  private static byte[] head(ResourceType type, ListOptions.Page page) {
    ObjectNode head = Json.mapper().createObjectNode();
    head.put("kind", type.listKind());
    head.put("apiVersion", type.apiVersion());
    ObjectNode meta =
        head.putObject("metadata")
            .put("resourceVersion", Long.toString(page.result().resourceVersion()));
    continuation(meta, page);
    head.putArray("items");
    byte[] json = Json.toBytes(head);
    return Arrays.copyOf(json, json.length - 2);
  }

  private static void continuation(ObjectNode meta, ListOptions.Page page) {
    if (page.continueToken() != null) {
      meta.put("continue", page.continueToken());
    }
    if (page.remainingItemCount() != null) {
      meta.put("remainingItemCount", page.remainingItemCount());
    }
  }

  /** The stored JSON as it is; apiVersion and kind added to an object that lacks them. */
  private static void writeItem(Buffer buffer, ResourceType type, StoredObject object) {
    if (type.isCustom()) {
      buffer.appendBytes(Json.toBytes(CustomVersions.as(type, object.tree())));
      return;
    }
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

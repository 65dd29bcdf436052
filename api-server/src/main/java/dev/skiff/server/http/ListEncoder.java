package dev.skiff.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.table.IncludeObject;
import dev.skiff.server.table.Tables;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
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

  static Buffer list(ResourceType type, ListResult result, Predicate<ObjectNode> filter) {
    Buffer buffer = Buffer.buffer(256 + result.items().size() * 1024);
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(new BufferOutput(buffer))) {
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
    return buffer;
  }

  static Buffer table(
      ResourceType type,
      ListResult result,
      Predicate<ObjectNode> filter,
      IncludeObject include,
      Instant now) {
    List<ObjectNode> items = result.items().stream().filter(filter).toList();
    return Buffer.buffer(
        Json.toBytes(
            Tables.table(type, items, Long.toString(result.resourceVersion()), include, now)));
  }

  /** Appends what Jackson writes straight into the response buffer. */
  private static final class BufferOutput extends OutputStream {
    private final Buffer buffer;

    BufferOutput(Buffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      buffer.appendBytes(bytes, offset, length);
    }
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

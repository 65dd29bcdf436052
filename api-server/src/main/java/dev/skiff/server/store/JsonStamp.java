package dev.skiff.server.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stamps a resourceVersion into JSON bytes without building a tree: a streaming scan of the
 * top-level fields finds the metadata object (the store writes apiVersion, kind and metadata first,
 * so the scan stops early), and {@code "resourceVersion":"N"} is spliced in as its first field.
 * Objects without a metadata object take the slow way through a tree.
 */
final class JsonStamp {
  private JsonStamp() {}

  /** The object in {@code bytes[offset..]} (JSON without a resourceVersion), stamped with rv. */
  static StoredObject stamp(long rv, byte[] bytes, int offset) {
    int length = bytes.length - offset;
    int insertAt = -1;
    boolean apiVersion = false;
    boolean kind = false;
    try (JsonParser p = Json.mapper().getFactory().createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME && (insertAt < 0 || !apiVersion || !kind)) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (insertAt < 0 && value == JsonToken.START_OBJECT && "metadata".equals(name)) {
          insertAt = offset + (int) p.currentTokenLocation().getByteOffset() + 1;
        }
        apiVersion |= value == JsonToken.VALUE_STRING && "apiVersion".equals(name);
        kind |= value == JsonToken.VALUE_STRING && "kind".equals(name);
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (insertAt < 0 || bytes[insertAt - 1] != '{') {
      return viaTree(rv, bytes, offset);
    }
    byte[] field = ("\"resourceVersion\":\"" + rv + "\"").getBytes(StandardCharsets.US_ASCII);
    boolean empty = nextNonSpace(bytes, insertAt) == '}';
    byte[] out = new byte[bytes.length - offset + field.length + (empty ? 0 : 1)];
    int head = insertAt - offset;
    System.arraycopy(bytes, offset, out, 0, head);
    System.arraycopy(field, 0, out, head, field.length);
    int at = head + field.length;
    if (!empty) {
      out[at++] = ',';
    }
    System.arraycopy(bytes, insertAt, out, at, bytes.length - insertAt);
    return new StoredObject(rv, out, apiVersion && kind);
  }

  private static StoredObject viaTree(long rv, byte[] bytes, int offset) {
    ObjectNode tree = Json.tree(Arrays.copyOfRange(bytes, offset, bytes.length));
    ObjectCodec.stamp(tree, rv);
    boolean typeMeta = tree.path("apiVersion").isTextual() && tree.path("kind").isTextual();
    return new StoredObject(rv, Json.toBytes(tree), typeMeta);
  }

  private static byte nextNonSpace(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b;
      }
    }
    return 0;
  }
}

package dev.skiff.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary forms the store keeps in Hazelcast. An object is serialized to JSON once, without
 * metadata.resourceVersion; the version travels beside it, so a writer can log the change before it
 * knows the version the log assigns.
 *
 * <ul>
 *   <li>stored value (objects map): {@code [long rv][json]}
 *   <li>change (change log): {@code [byte type][short keyLength][key utf-8][json]}; its version is
 *       derived from its log sequence by {@link #rv(long)}
 * </ul>
 */
final class ObjectCodec {
  /** Log sequence 0 is resourceVersion 2, so an empty store reports 1 and no version is 0. */
  static final long RV_OFFSET = 2;

  static final byte ADDED = 'A';
  static final byte MODIFIED = 'M';
  static final byte DELETED = 'D';

  private ObjectCodec() {}

  static long rv(long sequence) {
    return sequence + RV_OFFSET;
  }

  static long sequence(long rv) {
    return rv - RV_OFFSET;
  }

  /** JSON of {@code object} without its resourceVersion; the object itself is left without one. */
  static byte[] json(ObjectNode object) {
    if (object.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove("resourceVersion");
    }
    try {
      return Json.mapper().writeValueAsBytes(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode stamp(ObjectNode object, long rv) {
    JsonNode metadata = object.get("metadata");
    ObjectNode meta = metadata instanceof ObjectNode m ? m : object.putObject("metadata");
    meta.put("resourceVersion", Long.toString(rv));
    return object;
  }

  static byte[] value(long rv, byte[] json) {
    return ByteBuffer.allocate(Long.BYTES + json.length).putLong(rv).put(json).array();
  }

  static long valueRv(byte[] value) {
    return ByteBuffer.wrap(value).getLong();
  }

  /** The object of a stored value, with its version stamped; a fresh tree owned by the caller. */
  static ObjectNode valueObject(byte[] value) {
    return stamp(parse(value, Long.BYTES), valueRv(value));
  }

  /** Whether {@code json} equals the JSON held in a stored value. */
  static boolean sameJson(byte[] value, byte[] json) {
    return java.util.Arrays.equals(value, Long.BYTES, value.length, json, 0, json.length);
  }

  static byte[] change(byte type, StoreKey key, byte[] json) {
    byte[] k = key.toString().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + Short.BYTES + k.length + json.length)
        .put(type)
        .putShort((short) k.length)
        .put(k)
        .put(json)
        .array();
  }

  /** Decodes a logged change read at {@code sequence}. */
  static StoreEvent event(long sequence, byte[] change) {
    ByteBuffer buffer = ByteBuffer.wrap(change);
    byte type = buffer.get();
    int keyLength = buffer.getShort() & 0xffff;
    String key = new String(change, 3, keyLength, StandardCharsets.UTF_8);
    long rv = rv(sequence);
    return new StoreEvent(
        typeName(type), rv, parseKey(key), StoredObject.of(rv, change, 3 + keyLength));
  }

  /**
   * The objects map's value a logged change leaves (its JSON at the change's version), or null for
   * a deletion.
   */
  static byte[] valueOfChange(long sequence, byte[] change) {
    if (change[0] == DELETED) {
      return null;
    }
    int start = 3 + (ByteBuffer.wrap(change, 1, 2).getShort() & 0xffff);
    return ByteBuffer.allocate(Long.BYTES + change.length - start)
        .putLong(rv(sequence))
        .put(change, start, change.length - start)
        .array();
  }

  /** The object of a stored value as the watch cache keeps it. */
  static StoredObject valueStored(byte[] value) {
    return StoredObject.of(valueRv(value), value, Long.BYTES);
  }

  static StoreKey parseKey(String key) {
    String[] parts = key.split("/", 3);
    return parts.length == 3
        ? new StoreKey(parts[0], parts[1], parts[2])
        : new StoreKey(parts[0], "", parts[1]);
  }

  static long rvOf(ObjectNode object) {
    return Long.parseLong(object.path("metadata").path("resourceVersion").asText("0"));
  }

  private static String typeName(byte type) {
    return switch (type) {
      case ADDED -> "ADDED";
      case MODIFIED -> "MODIFIED";
      case DELETED -> "DELETED";
      default -> throw new IllegalArgumentException("unknown change type " + type);
    };
  }

  private static ObjectNode parse(byte[] bytes, int offset) {
    try {
      return (ObjectNode) Json.mapper().readTree(bytes, offset, bytes.length - offset);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.skiff.server.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.server.protobuf.Field.Shape;
import dev.skiff.server.protobuf.Field.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A protobuf message type as Kubernetes encodes it: field numbers mapped to JSON names. Built once
 * in the schema classes with the fluent methods below; a {@code *Ptr} method declares a Go pointer
 * field, whose zero value is kept when present, and {@link #always()} marks the field just added as
 * one Go's JSON writes even when zero (no {@code omitempty}). A message may instead carry a {@link
 * Special} decoder for types whose JSON form is not an object (Time, IntOrString, Quantity).
 */
public final class Message {
  /** Decodes a message whose JSON form is a scalar; null means "absent" (a zero Time). */
  public interface Special extends Function<WireReader, JsonNode> {}

  private final String name;
  private final Map<Integer, Field> fields = new LinkedHashMap<>();
  private final Special special;
  private Field last;

  private Message(String name, Special special) {
    this.name = name;
    this.special = special;
  }

  public static Message named(String name) {
    return new Message(name, null);
  }

  public static Message special(String name, Special decoder) {
    return new Message(name, decoder);
  }

  public String name() {
    return name;
  }

  Special specialDecoder() {
    return special;
  }

  Field field(int number) {
    return fields.get(number);
  }

  Collection<Field> fields() {
    return fields.values();
  }

  public Message string(int number, String json) {
    return add(number, json, Type.STRING, null, Shape.SINGLE, false);
  }

  public Message stringPtr(int number, String json) {
    return add(number, json, Type.STRING, null, Shape.SINGLE, true);
  }

  public Message int32(int number, String json) {
    return add(number, json, Type.INT32, null, Shape.SINGLE, false);
  }

  public Message int32Ptr(int number, String json) {
    return add(number, json, Type.INT32, null, Shape.SINGLE, true);
  }

  public Message int64(int number, String json) {
    return add(number, json, Type.INT64, null, Shape.SINGLE, false);
  }

  public Message int64Ptr(int number, String json) {
    return add(number, json, Type.INT64, null, Shape.SINGLE, true);
  }

  public Message bool(int number, String json) {
    return add(number, json, Type.BOOL, null, Shape.SINGLE, false);
  }

  public Message boolPtr(int number, String json) {
    return add(number, json, Type.BOOL, null, Shape.SINGLE, true);
  }

  public Message message(int number, String json, Message type) {
    return add(number, json, Type.MESSAGE, type, Shape.SINGLE, false);
  }

  public Message messagePtr(int number, String json, Message type) {
    return add(number, json, Type.MESSAGE, type, Shape.SINGLE, true);
  }

  /** An embedded Go struct: its fields appear directly in this message's JSON object. */
  public Message inline(int number, Message type) {
    return add(number, type.name(), Type.MESSAGE, type, Shape.INLINE, false);
  }

  public Message strings(int number, String json) {
    return add(number, json, Type.STRING, null, Shape.REPEATED, false);
  }

  public Message int64s(int number, String json) {
    return add(number, json, Type.INT64, null, Shape.REPEATED, false);
  }

  public Message messages(int number, String json, Message type) {
    return add(number, json, Type.MESSAGE, type, Shape.REPEATED, false);
  }

  /** {@code map<string, string>}. */
  public Message stringMap(int number, String json) {
    return add(number, json, Type.STRING, null, Shape.MAP, false);
  }

  /** {@code map<string, bytes>}: values become base64 text, as Go's JSON writes []byte. */
  public Message bytesMap(int number, String json) {
    return add(number, json, Type.BYTES, null, Shape.MAP, false);
  }

  /** {@code map<string, V>} for a message type V (e.g. Quantity). */
  public Message messageMap(int number, String json, Message valueType) {
    return add(number, json, Type.MESSAGE, valueType, Shape.MAP, false);
  }

  /** The field added last has no {@code omitempty}: its zero value is kept (like a pointer's). */
  public Message always() {
    if (last == null) {
      throw new IllegalStateException(name + " has no field yet");
    }
    last = last.keepingZero();
    fields.put(last.number(), last);
    return this;
  }

  private Message add(
      int number, String json, Type type, Message message, Shape shape, boolean keepZero) {
    if (special != null) {
      throw new IllegalStateException(name + " is decoded specially and has no fields");
    }
    Field field = new Field(number, json, type, message, shape, keepZero);
    if (fields.putIfAbsent(number, field) != null) {
      throw new IllegalStateException(name + " declares field " + number + " twice");
    }
    last = field;
    return this;
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.skiff.server.protobuf;

/**
 * One field of a {@link Message}: its protobuf number, its JSON name and how its value is read.
 *
 * @param number the protobuf field number
 * @param json the JSON property name (unused for {@link Shape#INLINE})
 * @param type the value's type; for maps the type of the values (keys are strings)
 * @param message the message type when {@code type} is {@link Type#MESSAGE}
 * @param shape single value, repeated, map entry or inlined (embedded Go struct)
 * @param keepZero true when a zero value on the wire is kept in the JSON: the Go field is a pointer
 *     (present means set), or its JSON tag has no {@code omitempty} (Go's JSON writes it always);
 *     false when zero means unset, as Go's protobuf encoder writes such fields even when unset
 */
public record Field(
    int number, String json, Type type, Message message, Shape shape, boolean keepZero) {

  Field keepingZero() {
    return new Field(number, json, type, message, shape, true);
  }

  /** Scalar wire types, plus messages. */
  public enum Type {
    STRING,
    BYTES,
    INT32,
    INT64,
    BOOL,
    MESSAGE
  }

  /** How occurrences of the field combine into JSON. */
  public enum Shape {
    SINGLE,
    REPEATED,
    MAP,
    INLINE
  }

  /** Whether a varint-encoded scalar can also arrive packed (wire type 2). */
  boolean packable() {
    return type == Type.INT32 || type == Type.INT64 || type == Type.BOOL;
  }

  /** The wire type a single value of this field has. */
  int wireType() {
    return switch (type) {
      case INT32, INT64, BOOL -> WireReader.VARINT;
      case STRING, BYTES, MESSAGE -> WireReader.LENGTH_DELIMITED;
    };
  }
}

package dev.skiff.server.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.skiff.server.protobuf.Field.Shape;
import java.util.Base64;

/**
 * Turns a protobuf message into the JSON tree Kubernetes' JSON encoding would give for the same Go
 * object: unknown fields are skipped; a field holding its zero value ("", 0, false, an empty struct
 * or list) is left out, as Go's protobuf encoder writes such fields even when unset and the JSON
 * encoder omits them, unless it is a pointer or has no {@code omitempty} ({@link
 * Field#keepZero()}): those keep whatever value is on the wire.
 */
public final class MessageDecoder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MessageDecoder() {}

  /** Decodes a whole message of {@code type} from {@code in}. */
  public static ObjectNode object(Message type, WireReader in) {
    ObjectNode out = NODES.objectNode();
    while (in.hasMore()) {
      int tag = in.readTag();
      Field field = type.field(WireReader.fieldNumber(tag));
      if (field == null) {
        in.skip(WireReader.wireType(tag));
      } else {
        read(type, field, WireReader.wireType(tag), in, out);
      }
    }
    for (Field field : type.fields()) {
      if (field.shape() != Shape.INLINE && !field.keepZero() && isZero(out.get(field.json()))) {
        out.remove(field.json());
      }
    }
    return out;
  }

  /** A message's JSON value: an object, or the scalar of a special type (null when absent). */
  static JsonNode value(Message type, WireReader in) {
    return type.specialDecoder() != null ? type.specialDecoder().apply(in) : object(type, in);
  }

  private static void read(
      Message owner, Field field, int wireType, WireReader in, ObjectNode out) {
    switch (field.shape()) {
      case SINGLE -> {
        expect(owner, field, wireType, field.wireType());
        JsonNode value = single(field, in);
        if (value != null
            && out.get(field.json()) instanceof ObjectNode seen
            && value instanceof ObjectNode more) {
          seen.setAll(more); // a repeated occurrence of a message field merges into the first
        } else if (value != null) {
          out.set(field.json(), value);
        }
      }
      case INLINE -> {
        expect(owner, field, wireType, WireReader.LENGTH_DELIMITED);
        out.setAll(object(field.message(), in.readSlice()));
      }
      case REPEATED -> {
        ArrayNode list =
            out.get(field.json()) instanceof ArrayNode seen ? seen : out.putArray(field.json());
        if (wireType == WireReader.LENGTH_DELIMITED && field.packable()) {
          WireReader packed = in.readSlice();
          while (packed.hasMore()) {
            list.add(scalar(field, packed));
          }
        } else {
          expect(owner, field, wireType, field.wireType());
          JsonNode value = single(field, in);
          list.add(value == null ? NullNode.getInstance() : value);
        }
      }
      case MAP -> {
        expect(owner, field, wireType, WireReader.LENGTH_DELIMITED);
        ObjectNode map =
            out.get(field.json()) instanceof ObjectNode seen ? seen : out.putObject(field.json());
        entry(owner, field, in.readSlice(), map);
      }
    }
  }

  private static void entry(Message owner, Field field, WireReader in, ObjectNode map) {
    String key = "";
    JsonNode value = null;
    while (in.hasMore()) {
      int tag = in.readTag();
      int number = WireReader.fieldNumber(tag);
      if (number == 1) {
        expect(owner, field, WireReader.wireType(tag), WireReader.LENGTH_DELIMITED);
        key = in.readString();
      } else if (number == 2) {
        expect(owner, field, WireReader.wireType(tag), field.wireType());
        value = single(field, in);
      } else {
        in.skip(WireReader.wireType(tag));
      }
    }
    if (value == null) {
      value = field.message() == null ? TextNode.valueOf("") : emptyValue(field.message());
    }
    map.set(key, value);
  }

  private static JsonNode emptyValue(Message type) {
    JsonNode value = value(type, new WireReader(new byte[0]));
    return value == null ? NullNode.getInstance() : value;
  }

  private static JsonNode single(Field field, WireReader in) {
    return field.message() != null ? value(field.message(), in.readSlice()) : scalar(field, in);
  }

  private static JsonNode scalar(Field field, WireReader in) {
    return switch (field.type()) {
      case STRING -> TextNode.valueOf(in.readString());
      case BYTES -> TextNode.valueOf(Base64.getEncoder().encodeToString(in.readBytes()));
      case INT32 -> IntNode.valueOf((int) in.readVarint());
      case INT64 -> number(in.readVarint());
      case BOOL -> BooleanNode.valueOf(in.readVarint() != 0);
      case MESSAGE -> throw new IllegalStateException("not a scalar: " + field);
    };
  }

  static JsonNode number(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  private static void expect(Message owner, Field field, int actual, int expected) {
    if (actual != expected) {
      throw new MalformedProtobufException(
          "wrong wire type "
              + actual
              + " for field "
              + owner.name()
              + "."
              + field.json()
              + " ("
              + field.number()
              + "), expected "
              + expected);
    }
  }

  private static boolean isZero(JsonNode node) {
    if (node == null) {
      return false;
    }
    return switch (node.getNodeType()) {
      case STRING -> node.textValue().isEmpty();
      case NUMBER -> node.longValue() == 0;
      case BOOLEAN -> !node.booleanValue();
      case OBJECT, ARRAY -> node.isEmpty();
      case NULL -> true;
      default -> false;
    };
  }
}

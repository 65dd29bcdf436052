package dev.skiff.server.protobuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds protobuf bytes by hand for tests: tags, varints, fixed values, nested messages. */
final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static ProtoWriter message() {
    return new ProtoWriter();
  }

  ProtoWriter varint(int field, long value) {
    tag(field, WireReader.VARINT);
    return rawVarint(value);
  }

  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter bytes(int field, byte[] value) {
    tag(field, WireReader.LENGTH_DELIMITED);
    rawVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  ProtoWriter message(int field, ProtoWriter nested) {
    return bytes(field, nested.toBytes());
  }

  /** A map entry {1: key, 2: value} for a {@code map<string, string>} field. */
  ProtoWriter entry(int field, String key, String value) {
    return message(field, message().string(1, key).string(2, value));
  }

  ProtoWriter fixed32(int field, int value) {
    tag(field, WireReader.FIXED32);
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
    return this;
  }

  ProtoWriter fixed64(int field, long value) {
    tag(field, WireReader.FIXED64);
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  ProtoWriter tag(int field, int wireType) {
    return rawVarint((long) field << 3 | wireType);
  }

  ProtoWriter rawVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  ProtoWriter raw(byte... bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  /** A whole request body: {@code k8s\0} + runtime.Unknown{TypeMeta, raw}. */
  static byte[] envelope(String apiVersion, String kind, ProtoWriter object) {
    ProtoWriter unknown =
        message().message(1, message().string(1, apiVersion).string(2, kind)).message(2, object);
    return message()
        .raw((byte) 'k', (byte) '8', (byte) 's', (byte) 0)
        .raw(unknown.toBytes())
        .toBytes();
  }
}

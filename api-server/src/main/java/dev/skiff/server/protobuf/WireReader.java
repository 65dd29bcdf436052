package dev.skiff.server.protobuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the protobuf wire format from a byte range: tags, varints, fixed 32/64-bit values and
 * length-delimited slices. Every read is bounds-checked; malformed input throws {@link
 * MalformedProtobufException}, never an index exception.
 */
public final class WireReader {
  public static final int VARINT = 0;
  public static final int FIXED64 = 1;
  public static final int LENGTH_DELIMITED = 2;
  public static final int FIXED32 = 5;

  private final byte[] bytes;
  private final int end;
  private int pos;

  public WireReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** A reader over {@code bytes[start, end)}. */
  public static WireReader range(byte[] bytes, int start, int end) {
    if (start < 0 || start > end || end > bytes.length) {
      throw new IndexOutOfBoundsException("range " + start + ".." + end + " of " + bytes.length);
    }
    return new WireReader(bytes, start, end);
  }

  private WireReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  public boolean hasMore() {
    return pos < end;
  }

  /** The next tag: {@code fieldNumber << 3 | wireType}, with a positive field number. */
  public int readTag() {
    long tag = readVarint();
    if (tag >>> 3 == 0 || tag >>> 3 > 0x1FFFFFFF) {
      throw new MalformedProtobufException("invalid field number " + (tag >>> 3));
    }
    return (int) tag;
  }

  public static int fieldNumber(int tag) {
    return tag >>> 3;
  }

  public static int wireType(int tag) {
    return tag & 7;
  }

  public long readVarint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = next();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new MalformedProtobufException("varint longer than 10 bytes at offset " + (pos - 1));
  }

  public int readFixed32() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value |= (next() & 0xFF) << (8 * i);
    }
    return value;
  }

  public long readFixed64() {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value |= (long) (next() & 0xFF) << (8 * i);
    }
    return value;
  }

  /** A reader over the next length-delimited value (a message, a string, packed scalars). */
  public WireReader readSlice() {
    int length = readLength();
    WireReader slice = new WireReader(bytes, pos, pos + length);
    pos += length;
    return slice;
  }

  public byte[] readBytes() {
    int length = readLength();
    byte[] value = Arrays.copyOfRange(bytes, pos, pos + length);
    pos += length;
    return value;
  }

  public String readString() {
    int length = readLength();
    String value = new String(bytes, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return value;
  }

  /** Skips the value of a field with this wire type (unknown fields). */
  public void skip(int wireType) {
    switch (wireType) {
      case VARINT -> readVarint();
      case FIXED64 -> advance(8);
      case LENGTH_DELIMITED -> advance(readLength());
      case FIXED32 -> advance(4);
      default -> throw new MalformedProtobufException("unsupported wire type " + wireType);
    }
  }

  private int readLength() {
    long length = readVarint();
    if (length < 0 || length > end - pos) {
      throw new MalformedProtobufException(
          "length " + length + " at offset " + pos + " runs past the end of the message");
    }
    return (int) length;
  }

  private void advance(int count) {
    if (count > end - pos) {
      throw new MalformedProtobufException("truncated message at offset " + pos);
    }
    pos += count;
  }

  private byte next() {
    if (pos >= end) {
      throw new MalformedProtobufException("truncated message at offset " + pos);
    }
    return bytes[pos++];
  }
}

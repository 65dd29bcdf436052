package dev.skiff.server.store.persist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One entry of the store's log file (format version 2). On disk a record is framed twice, so that
 * one damaged byte anywhere still leaves a checksummed copy of what the record was about:
 *
 * <pre>
 * head:  [int MAGIC][int length][byte type][long number][short keyLength][key][int crc32c(head)]
 * value: [bytes]
 * tail:  [byte type][long number][key][short keyLength][int length][int crc32c(value)]
 *        [int crc32c(tail)]
 * </pre>
 *
 * {@code length} is the whole record's; {@code number} counts the store's records (never reused). A
 * reader resynchronises on the next {@link #MAGIC} whose record checks out, and names a damaged
 * record from its head (reading forward) or its tail (reading backward from the next good record).
 * The value is the object (PUT), empty (DELETE) or a {@code long} change-log sequence (SEQUENCE).
 *
 * @param type {@link #PUT}, {@link #DELETE} or {@link #SEQUENCE}
 * @param key the key (PUT, DELETE), else ""
 * @param value the value (PUT), else null
 * @param sequence the change-log sequence (SEQUENCE), else -1
 * @param number the record's number in the store, -1 until it is written
 */
record LogRecord(byte type, String key, byte[] value, long sequence, long number) {
  static final byte PUT = 'P';
  static final byte DELETE = 'D';
  static final byte SEQUENCE = 'S';
  static final int MAGIC = 0x534b5232; // "SKR2"

  /** Bytes of head and tail besides the key (twice) and the value. */
  static final int FRAMING = 23 + 23;

  /** Larger records are taken for corruption (Kubernetes objects stay far below 1.5 MiB). */
  static final int MAX_LENGTH = 64 << 20;

  static LogRecord put(String key, byte[] value) {
    return new LogRecord(PUT, key, value, -1, -1);
  }

  static LogRecord delete(String key) {
    return new LogRecord(DELETE, key, null, -1, -1);
  }

  static LogRecord sequence(long sequence) {
    return new LogRecord(SEQUENCE, "", null, sequence, -1);
  }

  LogRecord numbered(long n) {
    return new LogRecord(type, key, value, sequence, n);
  }

  /** The whole record, ready to write. */
  ByteBuffer encode() {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    if (k.length > 0xffff) {
      throw new IllegalArgumentException("key longer than 65535 bytes: " + key);
    }
    byte[] v =
        switch (type) {
          case PUT -> value;
          case DELETE -> new byte[0];
          default -> ByteBuffer.allocate(Long.BYTES).putLong(sequence).array();
        };
    int length = FRAMING + 2 * k.length + v.length;
    ByteBuffer b = ByteBuffer.allocate(length);
    b.putInt(MAGIC).putInt(length).put(type).putLong(number).putShort((short) k.length).put(k);
    b.putInt(crc(b.array(), 0, b.position()));
    b.put(v);
    int tail = b.position();
    b.put(type).putLong(number).put(k).putShort((short) k.length).putInt(length);
    b.putInt(crc(v, 0, v.length));
    b.putInt(crc(b.array(), tail, b.position() - tail));
    return b.flip();
  }

  /** What a checksummed head or tail says about its record. */
  record Frame(byte type, long number, String key, int length) {}

  /**
   * The head at the start of {@code bytes} if it checks out, else null.
   *
   * @param bytes at least the head; more is ignored
   */
  static Frame head(byte[] bytes, int from, int available) {
    if (available < 23) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, from, available);
    if (b.getInt() != MAGIC) {
      return null;
    }
    int length = b.getInt();
    byte type = b.get();
    long number = b.getLong();
    int keyLength = b.getShort() & 0xffff;
    int headLength = 23 + keyLength;
    if (available < headLength
        || crc(bytes, from, headLength - Integer.BYTES) != b.getInt(from + headLength - 4)) {
      return null;
    }
    String key = new String(bytes, from + 19, keyLength, StandardCharsets.UTF_8);
    return plausible(new Frame(type, number, key, length), keyLength);
  }

  /** The tail ending at {@code end} in {@code bytes} (from {@code start} on) if it checks out. */
  static Frame tail(byte[] bytes, int start, int end) {
    if (end - start < 23) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int keyLength = b.getShort(end - 14) & 0xffff;
    int tailStart = end - 23 - keyLength;
    if (tailStart < start || crc(bytes, tailStart, end - 4 - tailStart) != b.getInt(end - 4)) {
      return null;
    }
    String key = new String(bytes, tailStart + 9, keyLength, StandardCharsets.UTF_8);
    Frame frame = new Frame(bytes[tailStart], b.getLong(tailStart + 1), key, b.getInt(end - 12));
    return plausible(frame, keyLength);
  }

  /**
   * Decodes the record of {@code length} bytes at {@code from}.
   *
   * @throws IllegalArgumentException when it is not a whole, intact record
   */
  static LogRecord decode(byte[] bytes, int from, int length) {
    Frame head = head(bytes, from, length);
    if (head == null || head.length() != length) {
      throw new IllegalArgumentException("bad record head");
    }
    Frame tail = tail(bytes, from, from + length);
    if (!head.equals(tail)) {
      throw new IllegalArgumentException("bad record tail");
    }
    int keyLength = head.key().getBytes(StandardCharsets.UTF_8).length;
    int valueStart = from + 23 + keyLength;
    int valueLength = length - FRAMING - 2 * keyLength;
    if (crc(bytes, valueStart, valueLength) != ByteBuffer.wrap(bytes).getInt(from + length - 8)) {
      throw new IllegalArgumentException("bad value checksum");
    }
    byte[] value = new byte[valueLength];
    System.arraycopy(bytes, valueStart, value, 0, valueLength);
    return switch (head.type()) {
      case PUT -> put(head.key(), value).numbered(head.number());
      case DELETE -> delete(head.key()).numbered(head.number());
      default -> sequence(ByteBuffer.wrap(value).getLong()).numbered(head.number());
    };
  }

  /**
   * Decodes a body of the version-1 format ({@code [int bodyLength][int crc32c(body)][body]}, body
   * = {@code [byte type][payload]}) whose checksum matched; the record gets number {@code n}.
   *
   * @throws IllegalArgumentException when the body is not a record
   */
  static LogRecord decodeV1(byte[] body, long n) {
    ByteBuffer buffer = ByteBuffer.wrap(body);
    if (body.length < 1) {
      throw new IllegalArgumentException("empty record");
    }
    byte type = buffer.get();
    switch (type) {
      case PUT -> {
        int keyLength = buffer.remaining() >= Short.BYTES ? buffer.getShort() & 0xffff : -1;
        if (keyLength < 0 || keyLength > buffer.remaining()) {
          throw new IllegalArgumentException("bad key length");
        }
        String key = new String(body, 3, keyLength, StandardCharsets.UTF_8);
        byte[] value = new byte[buffer.remaining() - keyLength];
        System.arraycopy(body, 3 + keyLength, value, 0, value.length);
        return put(key, value).numbered(n);
      }
      case DELETE -> {
        return delete(new String(body, 1, body.length - 1, StandardCharsets.UTF_8)).numbered(n);
      }
      case SEQUENCE -> {
        if (buffer.remaining() != Long.BYTES) {
          throw new IllegalArgumentException("bad sequence record");
        }
        return sequence(buffer.getLong()).numbered(n);
      }
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  private static Frame plausible(Frame frame, int keyLength) {
    boolean known = frame.type() == PUT || frame.type() == DELETE || frame.type() == SEQUENCE;
    boolean fits = frame.length() >= FRAMING + 2 * keyLength && frame.length() <= MAX_LENGTH;
    return known && fits && frame.number() >= 0 ? frame : null;
  }
}

package dev.skiff.server.store.persist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One entry of the store's log file. On disk: {@code [int bodyLength][int crc32c(body)][body]} with
 * body = {@code [byte type][payload]}:
 *
 * <ul>
 *   <li>PUT: {@code [short keyLength][key utf-8][value]}
 *   <li>DELETE: {@code [key utf-8]}
 *   <li>SEQUENCE: {@code [long sequence]}, a change-log sequence that has been handed out
 * </ul>
 *
 * @param type {@link #PUT}, {@link #DELETE} or {@link #SEQUENCE}
 * @param key the key (PUT, DELETE), else null
 * @param value the value (PUT), else null
 * @param sequence the sequence (SEQUENCE), else -1
 */
record LogRecord(byte type, String key, byte[] value, long sequence) {
  static final byte PUT = 'P';
  static final byte DELETE = 'D';
  static final byte SEQUENCE = 'S';

  /** Bytes before the body: its length and checksum. */
  static final int HEADER = 2 * Integer.BYTES;

  /** Larger bodies are taken for corruption (Kubernetes objects stay far below 1.5 MiB). */
  static final int MAX_BODY = 64 << 20;

  static LogRecord put(String key, byte[] value) {
    return new LogRecord(PUT, key, value, -1);
  }

  static LogRecord delete(String key) {
    return new LogRecord(DELETE, key, null, -1);
  }

  static LogRecord sequence(long sequence) {
    return new LogRecord(SEQUENCE, null, null, sequence);
  }

  /** The whole record, header included, ready to write. */
  ByteBuffer encode() {
    byte[] k = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
    if (k.length > 0xffff) {
      throw new IllegalArgumentException("key longer than 65535 bytes: " + key);
    }
    int bodyLength =
        1
            + switch (type) {
              case PUT -> Short.BYTES + k.length + value.length;
              case DELETE -> k.length;
              default -> Long.BYTES;
            };
    ByteBuffer buffer = ByteBuffer.allocate(HEADER + bodyLength);
    buffer.putInt(bodyLength).putInt(0).put(type);
    switch (type) {
      case PUT -> buffer.putShort((short) k.length).put(k).put(value);
      case DELETE -> buffer.put(k);
      default -> buffer.putLong(sequence);
    }
    buffer.putInt(Integer.BYTES, crc(buffer.array(), HEADER, bodyLength));
    return buffer.flip();
  }

  /**
   * Decodes a body whose checksum matched.
   *
   * @throws IllegalArgumentException when the body is not a record
   */
  static LogRecord decode(byte[] body) {
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
        return put(key, value);
      }
      case DELETE -> {
        return delete(new String(body, 1, body.length - 1, StandardCharsets.UTF_8));
      }
      case SEQUENCE -> {
        if (buffer.remaining() != Long.BYTES) {
          throw new IllegalArgumentException("bad sequence record");
        }
        return sequence(buffer.getLong());
      }
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}

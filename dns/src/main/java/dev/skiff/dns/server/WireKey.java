package dev.skiff.dns.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;

/**
 * The identity of a plain UDP query, for the response cache: the packet without its ID, with the
 * question name in lower case. Only simple queries have one (one question, no answer or authority
 * records, at most an OPT record, no name compression); {@link #of} returns null for the rest.
 */
final class WireKey {
  private static final int HEADER = 12;
  private static final int TYPE_OPT = 41;

  private final byte[] bytes;
  private final int hash;
  private final int nameLength;

  private WireKey(byte[] bytes, int nameLength) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
    this.nameLength = nameLength;
  }

  static WireKey of(byte[] packet) {
    int n = packet.length;
    if (n < HEADER + 5 || n > 512 || (packet[2] & 0xF8) != 0) { // QR=0, opcode QUERY
      return null;
    }
    if (u16(packet, 4) != 1 || u16(packet, 6) != 0 || u16(packet, 8) != 0) {
      return null;
    }
    int additional = u16(packet, 10);
    int pos = HEADER;
    while (true) {
      int length = packet[pos] & 0xFF;
      if (length == 0) {
        pos++;
        break;
      }
      if ((length & 0xC0) != 0 || pos + 1 + length >= n) {
        return null;
      }
      pos += 1 + length;
    }
    int nameLength = pos - HEADER;
    int end = pos + 4;
    if (additional == 1) {
      if (end + 11 > n || packet[end] != 0 || u16(packet, end + 1) != TYPE_OPT) {
        return null;
      }
      end += 11 + u16(packet, end + 9);
    } else if (additional != 0) {
      return null;
    }
    if (end != n) {
      return null;
    }
    byte[] key = Arrays.copyOfRange(packet, 2, n);
    for (int i = HEADER - 2; i < HEADER - 2 + nameLength; i++) {
      byte b = key[i];
      if (b >= 'A' && b <= 'Z') {
        key[i] = (byte) (b + 32);
      }
    }
    return new WireKey(key, nameLength);
  }

  /** The cached response for this query, with the query's ID and question name case. */
  byte[] render(byte[] template, byte[] query) {
    byte[] response = template.clone();
    response[0] = query[0];
    response[1] = query[1];
    System.arraycopy(query, HEADER, response, HEADER, nameLength);
    return response;
  }

  /** Like {@link #render(byte[], byte[])}, into a (direct, pooled) buffer. */
  ByteBuf render(byte[] template, byte[] query, ByteBufAllocator allocator) {
    ByteBuf response = allocator.directBuffer(template.length);
    response.writeBytes(query, 0, 2);
    response.writeBytes(template, 2, HEADER - 2);
    response.writeBytes(query, HEADER, nameLength);
    response.writeBytes(template, HEADER + nameLength, template.length - HEADER - nameLength);
    return response;
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WireKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}

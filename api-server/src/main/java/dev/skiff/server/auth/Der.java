package dev.skiff.server.auth;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Just enough ASN.1 DER encoding to write an X.509 certificate. */
final class Der {
  private Der() {}

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write((length >> 8) & 0xff);
      out.write(length & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0)});
  }

  static byte[] octets(byte[] value) {
    return tlv(0x04, value);
  }

  static byte[] bits(byte[] value) {
    return tlv(0x03, concat(new byte[] {0}, value));
  }

  static byte[] utf8(String value) {
    return tlv(0x0c, value.getBytes(StandardCharsets.UTF_8));
  }

  /** UTCTime, "YYMMDDHHMMSSZ" (dates before 2050). */
  static byte[] utcTime(String yymmddhhmmssz) {
    return tlv(0x17, yymmddhhmmssz.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] explicit(int number, byte[] content) {
    return tlv(0xa0 | number, content);
  }

  static byte[] implicitPrimitive(int number, byte[] content) {
    return tlv(0x80 | number, content);
  }

  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      int groups = 1;
      for (long v = arc >> 7; v > 0; v >>= 7) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((arc >> (7 * g)) & 0x7f);
        out.write(g > 0 ? b | 0x80 : b);
      }
    }
    return tlv(0x06, out.toByteArray());
  }
}

package dev.skiff.api.model.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A {@code []byte} field's JSON form: base64 text (Go's StdEncoding), kept as text so that stored
 * trees hold strings; decoding rejects text that is not base64, as the real server does (400).
 */
public final class Base64Data {
  private Base64Data() {}

  /** The bytes {@code text} encodes (line breaks ignored, as Go's decoder does). */
  public static byte[] decode(String text) {
    return Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
  }

  public static String encode(String utf8) {
    return Base64.getEncoder().encodeToString(utf8.getBytes(StandardCharsets.UTF_8));
  }

  /** The total decoded size of a map of base64 values. */
  public static long size(Map<String, String> values) {
    long total = 0;
    if (values != null) {
      for (String v : values.values()) {
        total += v == null ? 0 : decode(v).length;
      }
    }
    return total;
  }

  /** Where Go's decoder stops: the first character outside the alphabet, else the end. */
  static int firstIllegal(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/'
              || c == '='
              || c == '\r'
              || c == '\n';
      if (!ok) {
        return i;
      }
    }
    return text.length();
  }

  /** Checks each value of a {@code map<string, []byte>} while keeping it as text. */
  public static final class Checked extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return null;
      }
      try {
        decode(text);
      } catch (IllegalArgumentException e) {
        // the value itself stays out of the message: it is secret
        throw JsonMappingException.from(
            p, "illegal base64 data at input byte " + firstIllegal(text));
      }
      return text;
    }
  }
}

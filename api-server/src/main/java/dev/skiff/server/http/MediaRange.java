package dev.skiff.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of an Accept or Content-Type header: {@code type/subtype;key=value;...}.
 *
 * @param type lower-case {@code type/subtype}
 * @param params lower-case keys, values as sent
 */
public record MediaRange(String type, Map<String, String> params) {

  /** The ranges of an Accept header, in the order sent; empty for null. */
  public static List<MediaRange> parseList(String header) {
    List<MediaRange> ranges = new ArrayList<>();
    if (header == null) {
      return ranges;
    }
    for (String part : header.split(",")) {
      if (!part.isBlank()) {
        ranges.add(parse(part));
      }
    }
    return ranges;
  }

  public static MediaRange parse(String text) {
    String[] pieces = text.split(";");
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < pieces.length; i++) {
      int eq = pieces[i].indexOf('=');
      if (eq > 0) {
        params.put(
            pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT),
            pieces[i].substring(eq + 1).trim().replace("\"", ""));
      }
    }
    return new MediaRange(pieces[0].trim().toLowerCase(Locale.ROOT), params);
  }

  /** The bare media type of a Content-Type header, lower-case; "" when absent. */
  public static String bareType(String contentType) {
    return contentType == null ? "" : parse(contentType).type();
  }

  public String param(String key) {
    return params.getOrDefault(key, "");
  }

  /** application/json, application/*, or * / *. */
  public boolean acceptsJson() {
    return type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
  }

  /** Whether this range asks for {@code as=<as>;g=<g>;v=<v>}. */
  public boolean is(String as, String group, String version) {
    return acceptsJson()
        && as.equals(param("as"))
        && group.equals(param("g"))
        && version.equals(param("v"));
  }
}

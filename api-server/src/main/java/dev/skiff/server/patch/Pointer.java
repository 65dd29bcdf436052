package dev.skiff.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Pointer (RFC 6901) as used by JSON patch: {@code ""} is the whole document, tokens are
 * separated by {@code /}, and {@code ~1}/{@code ~0} escape {@code /} and {@code ~}.
 *
 * @param text the pointer as written, for error messages
 * @param tokens the unescaped reference tokens
 */
record Pointer(String text, List<String> tokens) {
  /** The token that addresses the position after the last element of an array. */
  static final String END = "-";

  static Pointer parse(String text) {
    if (text.isEmpty()) {
      return new Pointer(text, List.of());
    }
    if (text.charAt(0) != '/') {
      throw PatchErrors.notApplicable(text, "a JSON pointer must be empty or start with '/'");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      tokens.add(unescape(text, raw));
    }
    return new Pointer(text, List.copyOf(tokens));
  }

  boolean isRoot() {
    return tokens.isEmpty();
  }

  String last() {
    return tokens.get(tokens.size() - 1);
  }

  /** Whether {@code other} points strictly inside the value this pointer addresses. */
  boolean isProperPrefixOf(Pointer other) {
    return other.tokens.size() > tokens.size()
        && other.tokens.subList(0, tokens.size()).equals(tokens);
  }

  /** The container that holds the addressed value; this pointer must not be the root. */
  JsonNode resolveParent(JsonNode document) {
    return walk(document, tokens.size() - 1);
  }

  /** The addressed value, which must exist. */
  JsonNode resolve(JsonNode document) {
    return walk(document, tokens.size());
  }

  /** The array index that {@code token} denotes in an array of {@code size} elements. */
  int index(String token, int size, boolean allowEnd) {
    if (allowEnd && token.equals(END)) {
      return size;
    }
    boolean digits =
        !token.isEmpty()
            && token.length() <= 9
            && token.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || (token.length() > 1 && token.charAt(0) == '0')) {
      throw PatchErrors.notApplicable(text, "\"" + token + "\" is not a valid array index");
    }
    int index = Integer.parseInt(token);
    if (index > (allowEnd ? size : size - 1)) {
      throw PatchErrors.notApplicable(text, "array index " + index + " is out of bounds");
    }
    return index;
  }

  private JsonNode walk(JsonNode document, int depth) {
    JsonNode current = document;
    for (int i = 0; i < depth; i++) {
      String token = tokens.get(i);
      JsonNode next;
      if (current.isObject()) {
        next = current.get(token);
      } else if (current.isArray()) {
        next = current.get(index(token, current.size(), false));
      } else {
        next = null;
      }
      if (next == null) {
        throw PatchErrors.notApplicable(text, "the path does not exist in the object");
      }
      current = next;
    }
    return current;
  }

  private static String unescape(String text, String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '~') {
        out.append(c);
        continue;
      }
      char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
      if (next != '0' && next != '1') {
        throw PatchErrors.notApplicable(
            text, "'~' must be followed by '0' or '1' in a JSON pointer");
      }
      out.append(next == '0' ? '~' : '/');
      i++;
    }
    return out.toString();
  }
}

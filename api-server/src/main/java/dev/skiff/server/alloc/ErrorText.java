package dev.skiff.server.alloc;

/** Go-style quoting for bad values in error messages. */
final class ErrorText {
  private ErrorText() {}

  /** Go's %q for the plain strings that appear here (IPs): quotes and escapes quote/backslash. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

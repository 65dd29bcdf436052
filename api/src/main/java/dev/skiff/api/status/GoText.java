package dev.skiff.api.status;

/** How Go prints values in the error texts Kubernetes sends, so Skiff's texts match them. */
public final class GoText {
  private GoText() {}

  /** Go's %q (strconv.Quote). */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", c));
                  } else if (!Character.isDefined(c) || Character.isISOControl(c)) {
                    sb.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
                  } else {
                    sb.appendCodePoint(c);
                  }
                }
              }
            });
    return sb.append('"').toString();
  }
}

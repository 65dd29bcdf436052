package dev.skiff.cli.trace;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code skiff_proxy_connections_total{service="...",endpoint="..."} N} samples out of a node
 * agent's {@code /metrics} (the Prometheus text format, version 0.0.4).
 */
public final class PrometheusText {
  static final String CONNECTIONS = "skiff_proxy_connections_total";

  private PrometheusText() {}

  /**
   * The connection counters, or empty when the text has no {@value #CONNECTIONS} family (no service
   * proxy runs there, so there is nothing to show).
   */
  public static Optional<ConnectionCounts> connections(String text) {
    ConnectionCounts counts = new ConnectionCounts();
    boolean family = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE " + CONNECTIONS + " ") || line.startsWith(CONNECTIONS + "{")) {
        family = true;
      }
      if (!line.startsWith(CONNECTIONS + "{")) {
        continue;
      }
      int close = line.lastIndexOf('}');
      if (close < 0) {
        continue;
      }
      Map<String, String> labels = labels(line.substring(CONNECTIONS.length() + 1, close));
      String value = line.substring(close + 1).strip().split("\\s+")[0];
      try {
        long n = (long) Double.parseDouble(value);
        if (labels.containsKey("service") && labels.containsKey("endpoint")) {
          counts.add(labels.get("service"), labels.get("endpoint"), n);
        }
      } catch (NumberFormatException e) {
        // not a sample we understand: skip it
      }
    }
    return family ? Optional.of(counts) : Optional.empty();
  }

  /** {@code a="x",b="y\"z"} with the format's escapes (backslash, quote, newline). */
  static Map<String, String> labels(String text) {
    Map<String, String> labels = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
        break;
      }
      String name = text.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; j < text.length() && text.charAt(j) != '"'; j++) {
        char c = text.charAt(j);
        if (c == '\\' && j + 1 < text.length()) {
          char next = text.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      labels.put(name, value.toString());
      i = j + 1;
      while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
        i++;
      }
    }
    return labels;
  }
}

package dev.skiff.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.cli.output.TabWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl describe's PrefixWriter: lines at indentation levels (two spaces each), cells separated
 * by tabs and aligned at the end by {@link TabWriter#DESCRIBE}.
 */
public final class DescribeText {
  static final String NONE = "<none>";
  private static final DateTimeFormatter RFC1123Z =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

  private final StringBuilder text = new StringBuilder();
  private final ZoneId zone;

  public DescribeText(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code label:\tvalue} at {@code level}. */
  public DescribeText line(int level, String label, Object value) {
    return raw(level, label + ":\t" + value + "\n");
  }

  /** {@code label:} alone (a section heading). */
  public DescribeText heading(int level, String label) {
    return raw(level, label + ":\n");
  }

  /** Text as given, after the level's indentation. */
  public DescribeText raw(int level, String line) {
    text.append("  ".repeat(level)).append(line);
    return this;
  }

  /** printLabelsMultiline: the first {@code k=v} on the label's line, the rest below it. */
  public DescribeText labels(int level, String label, JsonNode map) {
    return multiline(level, label, map, "=");
  }

  /** printAnnotationsMultiline: {@code key: value}. */
  public DescribeText annotations(int level, String label, JsonNode map) {
    return multiline(level, label, map, ": ");
  }

  private DescribeText multiline(int level, String label, JsonNode map, String separator) {
    Map<String, String> sorted = new TreeMap<>();
    map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    if (sorted.isEmpty()) {
      return line(level, label, NONE);
    }
    boolean first = true;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      raw(level, (first ? label + ":" : "") + "\t" + e.getKey() + separator + e.getValue() + "\n");
      first = false;
    }
    return this;
  }

  /** An RFC 3339 timestamp as kubectl prints it (RFC 1123 with numeric zone). */
  public String time(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return NONE;
    }
    try {
      return RFC1123Z.format(Instant.parse(timestamp).atZone(zone));
    } catch (RuntimeException e) {
      return timestamp;
    }
  }

  @Override
  public String toString() {
    return TabWriter.DESCRIBE.format(text.toString());
  }

  static String textOr(JsonNode node, String fallback) {
    String value = node.isValueNode() ? node.asText("") : "";
    return value.isEmpty() ? fallback : value;
  }
}

package dev.skiff.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a server-side {@code meta.k8s.io/v1} Table as kubectl's human-readable printer does:
 * upper-case headers, priority&gt;0 columns only with {@code -o wide}, optional NAMESPACE column
 * (from each row's object metadata), {@code kind/} name prefix when several kinds are printed, and
 * a LABELS column for {@code --show-labels}.
 */
public final class TableText {
  private TableText() {}

  /**
   * @param kindPrefix e.g. {@code "pod"} or {@code "deployment.apps"}: names print as {@code
   *     pod/web}; null for none
   */
  public record Options(
      boolean wide,
      boolean withNamespace,
      String kindPrefix,
      boolean showLabels,
      boolean noHeaders) {
    public static Options plain() {
      return new Options(false, false, null, false, false);
    }

    public Options withWide(boolean w) {
      return new Options(w, withNamespace, kindPrefix, showLabels, noHeaders);
    }

    public Options withNamespace(boolean n) {
      return new Options(wide, n, kindPrefix, showLabels, noHeaders);
    }

    public Options withKindPrefix(String k) {
      return new Options(wide, withNamespace, k, showLabels, noHeaders);
    }

    public Options withShowLabels(boolean l) {
      return new Options(wide, withNamespace, kindPrefix, l, noHeaders);
    }

    public Options withNoHeaders(boolean h) {
      return new Options(wide, withNamespace, kindPrefix, showLabels, h);
    }
  }

  /** The aligned text, one line per row plus the header; empty when the table has no rows. */
  public static String render(JsonNode table, Options options) {
    JsonNode columns = table.path("columnDefinitions");
    JsonNode rows = table.path("rows");
    if (rows.isEmpty()) {
      return "";
    }
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (options.wide() || columns.get(i).path("priority").asInt(0) == 0) {
        shown.add(i);
      }
    }
    StringBuilder text = new StringBuilder();
    if (!options.noHeaders()) {
      List<String> header = new ArrayList<>();
      if (options.withNamespace()) {
        header.add("NAMESPACE");
      }
      shown.forEach(i -> header.add(columns.get(i).path("name").asText().toUpperCase(Locale.ROOT)));
      if (options.showLabels()) {
        header.add("LABELS");
      }
      text.append(String.join("\t", header)).append('\n');
    }
    for (JsonNode row : rows) {
      List<String> cells = new ArrayList<>();
      JsonNode meta = row.path("object").path("metadata");
      if (options.withNamespace()) {
        cells.add(meta.path("namespace").asText(""));
      }
      for (int i : shown) {
        String cell = cell(row.path("cells").path(i));
        boolean isName = "name".equals(columns.get(i).path("format").asText());
        cells.add(
            isName && options.kindPrefix() != null ? options.kindPrefix() + "/" + cell : cell);
      }
      if (options.showLabels()) {
        cells.add(labels(meta.path("labels")));
      }
      text.append(String.join("\t", cells)).append('\n');
    }
    return TabWriter.TABLE.format(text.toString());
  }

  /** A cell as Go's fmt prints it; strings are cut at the first line break, with "...". */
  static String cell(JsonNode cell) {
    if (cell.isMissingNode() || cell.isNull()) {
      return "";
    }
    if (cell.isTextual()) {
      String text = cell.asText();
      int cut = indexOfAny(text, "\n\r\f");
      return cut < 0 ? text : text.substring(0, cut) + "...";
    }
    if (cell.isNumber() || cell.isBoolean()) {
      return cell.asText();
    }
    return cell.toString();
  }

  /** labels.FormatLabels: sorted {@code k=v} pairs, or {@code <none>}. */
  public static String labels(JsonNode labels) {
    if (!labels.isObject() || labels.isEmpty()) {
      return "<none>";
    }
    Map<String, String> sorted = new TreeMap<>();
    labels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    List<String> parts = new ArrayList<>();
    sorted.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts);
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}

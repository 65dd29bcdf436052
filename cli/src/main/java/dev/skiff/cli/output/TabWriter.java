package dev.skiff.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter (no flags, space padding), which kubectl uses for tables and describe: cells
 * end with a tab; a column block is a run of consecutive lines that all have a cell in that column;
 * every cell of a block is padded to the widest one plus {@code padding}, at least {@code
 * minWidth}. The last cell of a line is never padded.
 */
public final class TabWriter {
  /** kubectl get: minwidth 6, padding 3. */
  public static final TabWriter TABLE = new TabWriter(6, 3);

  /** kubectl describe: minwidth 0, padding 2. */
  public static final TabWriter DESCRIBE = new TabWriter(0, 2);

  private final int minWidth;
  private final int padding;

  public TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** Aligns {@code text}; lines end with {@code \n}, cells with {@code \t}. */
  public String format(String text) {
    boolean trailingNewline = text.endsWith("\n");
    String body = trailingNewline ? text.substring(0, text.length() - 1) : text;
    List<String[]> lines = new ArrayList<>();
    for (String line : body.split("\n", -1)) {
      lines.add(line.split("\t", -1));
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    format(out, lines, new ArrayList<>(), 0, lines.size());
    if (!trailingNewline && out.length() > 0) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  private void format(
      StringBuilder out, List<String[]> lines, List<Integer> widths, int l0, int l1) {
    int column = widths.size();
    int line0 = l0;
    for (int i = l0; i < l1; i++) {
      if (column >= lines.get(i).length - 1) {
        continue;
      }
      write(out, lines, widths, line0, i);
      line0 = i;
      int width = minWidth;
      for (; i < l1 && column < lines.get(i).length - 1; i++) {
        width = Math.max(width, width(lines.get(i)[column]) + padding);
      }
      widths.add(width);
      format(out, lines, widths, line0, i);
      widths.remove(widths.size() - 1);
      line0 = i;
      i--;
    }
    write(out, lines, widths, line0, l1);
  }

  private static void write(
      StringBuilder out, List<String[]> lines, List<Integer> widths, int from, int to) {
    for (int i = from; i < to; i++) {
      String[] cells = lines.get(i);
      for (int j = 0; j < cells.length; j++) {
        out.append(cells[j]);
        if (j < cells.length - 1) {
          int pad = (j < widths.size() ? widths.get(j) : 0) - width(cells[j]);
          out.append(" ".repeat(Math.max(0, pad)));
        }
      }
      out.append('\n');
    }
  }

  static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}

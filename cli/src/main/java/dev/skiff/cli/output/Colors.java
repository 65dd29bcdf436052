package dev.skiff.cli.output;

import picocli.CommandLine.Help.Ansi.Style;

/**
 * Colours for terminal output, off unless stdout is a terminal ({@code System.console() != null})
 * whose {@code TERM} is set and not {@code dumb}, and {@code NO_COLOR} is unset. Apply them after
 * alignment: escape codes have no width.
 */
public record Colors(boolean enabled) {
  public static final Colors OFF = new Colors(false);

  /** Decided from the environment of this process. */
  public static Colors detect() {
    String term = System.getenv("TERM");
    return new Colors(
        System.console() != null
            && term != null
            && !term.isBlank()
            && !"dumb".equals(term)
            && System.getenv("NO_COLOR") == null);
  }

  public String bold(String text) {
    return style(Style.bold, text);
  }

  public String green(String text) {
    return style(Style.fg_green, text);
  }

  public String red(String text) {
    return style(Style.fg_red, text);
  }

  public String yellow(String text) {
    return style(Style.fg_yellow, text);
  }

  public String faint(String text) {
    return style(Style.faint, text);
  }

  private String style(Style style, String text) {
    return !enabled || text.isEmpty() ? text : style.on() + text + style.off();
  }
}

package dev.skiff.cli.resource;

import java.util.Locale;

/** The {@code -o} values Skiff prints. */
public enum OutputFormat {
  TABLE,
  WIDE,
  YAML,
  JSON,
  NAME;

  /** {@code null} or empty = the table. */
  public static OutputFormat parse(String value) {
    if (value == null || value.isEmpty()) {
      return TABLE;
    }
    try {
      OutputFormat format = valueOf(value.toUpperCase(Locale.ROOT));
      if (format != TABLE) {
        return format;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw CliException.usage(
        "unable to match a printer suitable for the output format \""
            + value
            + "\", allowed formats are: json,name,wide,yaml");
  }

  public boolean isTable() {
    return this == TABLE || this == WIDE;
  }
}

package dev.skiff.server.table;

import dev.skiff.api.model.meta.Times;
import java.time.Duration;
import java.time.Instant;

/** kubectl's human durations ({@code 5s}, {@code 3m12s}, {@code 2d3h}): duration.HumanDuration. */
public final class Age {
  private Age() {}

  /** The age of an RFC 3339 timestamp, or {@code <unknown>} when absent. */
  public static String since(String timestamp, Instant now) {
    Instant then = Times.parse(timestamp);
    return then == null ? "<unknown>" : human(Duration.between(then, now));
  }

  public static String human(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long days = (hours / 24) % 365;
      return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
    }
    return hours / 24 / 365 + "y";
  }
}

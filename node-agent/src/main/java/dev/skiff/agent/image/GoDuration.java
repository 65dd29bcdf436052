package dev.skiff.agent.image;

import java.time.Duration;

/** A duration as Go's {@code time.Duration.String()} prints it, truncated to milliseconds. */
final class GoDuration {
  private GoDuration() {}

  static String of(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    StringBuilder b = new StringBuilder();
    long hours = ms / 3_600_000;
    long minutes = ms / 60_000 % 60;
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      b.append(minutes).append('m');
    }
    b.append(ms / 1000 % 60);
    long fraction = ms % 1000;
    if (fraction > 0) {
      String digits = String.format("%03d", fraction);
      b.append('.').append(digits.replaceAll("0+$", ""));
    }
    return b.append('s').toString();
  }
}

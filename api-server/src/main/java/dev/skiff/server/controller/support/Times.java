package dev.skiff.server.controller.support;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps as the API writes them. */
public final class Times {
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private Times() {}

  /** Second precision: "2025-01-01T00:00:00Z" (metav1.Time). */
  public static String now(Clock clock) {
    return format(clock.instant());
  }

  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Microsecond precision (metav1.MicroTime, used by Leases). */
  public static String micro(Instant instant) {
    return MICRO.format(instant);
  }

  /** Parses an RFC 3339 time; null for null or garbage. */
  public static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

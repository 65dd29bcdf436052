package dev.skiff.api.model.meta;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The API's time formats, RFC 3339 in UTC: metav1.Time ({@code "2025-01-01T00:00:00Z"}, seconds)
 * and metav1.MicroTime ({@code "2025-01-01T00:00:00.000000Z"}, used by Leases).
 */
public final class Times {
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** The clock's instant as a metav1.Time. */
  public static String now(Clock clock) {
    return time(clock.instant());
  }

  /** metav1.Time (second precision); null for null. */
  public static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** metav1.MicroTime (microsecond precision). */
  public static String microTime(Instant instant) {
    return MICRO.format(instant);
  }

  /** Parses either format (or any RFC 3339 offset); null for null, empty or unparsable text. */
  public static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}

package dev.skiff.agent.http;

import dev.skiff.agent.logs.LogQuery;
import dev.skiff.api.status.StatusException;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses the query of {@code /containerLogs} (the pods/log options the api-server passes on). */
final class LogQueries {
  private LogQueries() {}

  static LogQuery parse(MultiMap params, Clock clock) {
    Instant since = null;
    Long sinceSeconds = number(params, "sinceSeconds");
    if (sinceSeconds != null) {
      since = clock.instant().minusSeconds(sinceSeconds);
    }
    String sinceTime = params.get("sinceTime");
    if (sinceTime != null && !sinceTime.isEmpty()) {
      try {
        since = OffsetDateTime.parse(sinceTime).toInstant();
      } catch (DateTimeParseException e) {
        throw StatusException.badRequest("invalid sinceTime: " + sinceTime);
      }
    }
    return new LogQuery(
        flag(params, "follow"),
        number(params, "tailLines"),
        since,
        flag(params, "timestamps"),
        number(params, "limitBytes"),
        flag(params, "previous"));
  }

  private static boolean flag(MultiMap params, String name) {
    String value = params.get(name);
    return value != null && (value.equals("true") || value.equals("1"));
  }

  private static Long number(MultiMap params, String name) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw StatusException.badRequest(name + " must be non-negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("invalid " + name + ": " + value);
    }
  }
}

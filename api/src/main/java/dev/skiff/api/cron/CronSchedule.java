package dev.skiff.api.cron;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A standard 5-field cron schedule as Kubernetes' CronJob controller reads it (robfig/cron v3
 * {@code ParseStandard}): minute, hour, day of month, month, day of week; lists, ranges, steps,
 * month and day names, the {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}
 * macros. When both day fields are restricted a day matching either runs. {@link #next} walks the
 * time zone's wall clock as robfig does: a time skipped by a DST jump never runs that day, a time
 * repeated by a DST fall-back runs twice.
 */
public final class CronSchedule {
  private static final long STAR = 1L << 63;
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  private final long minute;
  private final long hour;
  private final long dom;
  private final long month;
  private final long dow;

  private CronSchedule(long minute, long hour, long dom, long month, long dow) {
    this.minute = minute;
    this.hour = hour;
    this.dom = dom;
    this.month = month;
    this.dow = dow;
  }

  /**
   * Parses a schedule.
   *
   * @throws IllegalArgumentException with robfig/cron's message
   */
  public static CronSchedule parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty spec string");
    }
    if (s.startsWith("@")) {
      String macro = MACROS.get(s.toLowerCase(Locale.ROOT));
      if (macro == null) {
        throw new IllegalArgumentException("unrecognized descriptor: " + s);
      }
      s = macro;
    }
    String[] f = s.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "expected exactly 5 fields, found " + f.length + ": [" + String.join(" ", f) + "]");
    }
    return new CronSchedule(
        field(f[0], 0, 59, List.of()),
        field(f[1], 0, 23, List.of()),
        field(f[2], 1, 31, List.of()),
        field(f[3], 1, 12, MONTHS),
        field(f[4], 0, 6, DAYS));
  }

  private static long field(String field, int min, int max, List<String> names) {
    long bits = 0;
    for (String range : field.split(",", -1)) {
      bits |= range(range, min, max, names);
    }
    return bits;
  }

  private static long range(String expr, int min, int max, List<String> names) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    boolean single = lowAndHigh.length == 1;
    int start;
    int end;
    long extra = 0;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = min;
      end = max;
      extra = STAR;
    } else {
      start = number(lowAndHigh[0], names, min);
      if (lowAndHigh.length == 1) {
        end = start;
      } else if (lowAndHigh.length == 2) {
        end = number(lowAndHigh[1], names, min);
      } else {
        throw new IllegalArgumentException("too many hyphens: " + expr);
      }
    }
    int step = 1;
    if (rangeAndStep.length == 2) {
      step = parseInt(rangeAndStep[1]);
      if (single) {
        end = max;
      }
      if (step > 1) {
        extra = 0;
      }
    } else if (rangeAndStep.length > 2) {
      throw new IllegalArgumentException("too many slashes: " + expr);
    }
    if (start < min) {
      throw new IllegalArgumentException(
          "beginning of range (" + start + ") below minimum (" + min + "): " + expr);
    }
    if (end > max) {
      throw new IllegalArgumentException(
          "end of range (" + end + ") above maximum (" + max + "): " + expr);
    }
    if (start > end) {
      throw new IllegalArgumentException(
          "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
    }
    if (step == 0) {
      throw new IllegalArgumentException("step of range should be a positive number: " + expr);
    }
    long bits = 0;
    for (int i = start; i <= end; i += step) {
      bits |= 1L << i;
    }
    return bits | extra;
  }

  private static int number(String s, List<String> names, int min) {
    int named = names.indexOf(s.toLowerCase(Locale.ROOT));
    return named >= 0 ? named + min : parseInt(s);
  }

  private static int parseInt(String s) {
    int n;
    try {
      n = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "failed to parse int from "
              + s
              + ": strconv.Atoi: parsing \""
              + s
              + "\": invalid syntax");
    }
    if (n < 0) {
      throw new IllegalArgumentException("negative number (" + n + ") not allowed: " + s);
    }
    return n;
  }

  /** The first activation strictly after {@code after} in {@code zone}, or null within 5 years. */
  public Instant next(Instant after, ZoneId zone) {
    ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    int yearLimit = t.getYear() + 5;
    while (t.getYear() <= yearLimit) {
      if (!has(month, t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!has(hour, t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!has(minute, t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t.toInstant();
      }
    }
    return null;
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean domMatch = has(dom, t.getDayOfMonth());
    boolean dowMatch = has(dow, t.getDayOfWeek().getValue() % 7);
    if ((dom & STAR) != 0 || (dow & STAR) != 0) {
      return domMatch && dowMatch;
    }
    return domMatch || dowMatch;
  }

  private static boolean has(long bits, int value) {
    return (bits & (1L << value)) != 0;
  }
}

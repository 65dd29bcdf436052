package dev.skiff.server.controller.cronjob;

import dev.skiff.api.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The most recent activation of a schedule in a window (mostRecentScheduleTime of Kubernetes'
 * CronJob controller), without walking every minute of a long window: past 100 missed times it
 * looks for the latest one in growing windows before now.
 */
final class ScheduleTimes {
  static final int TOO_MANY_MISSED = 100;
  private static final List<Duration> WINDOWS =
      List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(32), Duration.ofDays(367));

  private ScheduleTimes() {}

  /**
   * @param latest the most recent activation in (earliest, now], or null
   * @param missed how many activations the window holds (at least {@link #TOO_MANY_MISSED} + 1 when
   *     there are more)
   * @param next the first activation after now, or null
   */
  record Recent(Instant latest, int missed, Instant next) {}

  static Recent mostRecent(CronSchedule schedule, ZoneId zone, Instant earliest, Instant now) {
    Instant latest = null;
    int missed = 0;
    Instant t = schedule.next(earliest, zone);
    while (t != null && !t.isAfter(now)) {
      latest = t;
      missed++;
      if (missed > TOO_MANY_MISSED) {
        latest = latestBefore(schedule, zone, latest, now);
        break;
      }
      t = schedule.next(t, zone);
    }
    return new Recent(latest, missed, schedule.next(now, zone));
  }

  private static Instant latestBefore(
      CronSchedule schedule, ZoneId zone, Instant known, Instant now) {
    for (Duration window : WINDOWS) {
      Instant from = now.minus(window);
      if (from.isBefore(known)) {
        break;
      }
      Instant found = null;
      Instant t = schedule.next(from, zone);
      while (t != null && !t.isAfter(now)) {
        found = t;
        t = schedule.next(t, zone);
      }
      if (found != null) {
        return found;
      }
    }
    Instant t = schedule.next(known, zone);
    while (t != null && !t.isAfter(now)) {
      known = t;
      t = schedule.next(t, zone);
    }
    return known;
  }
}

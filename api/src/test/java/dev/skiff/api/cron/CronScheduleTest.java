package dev.skiff.api.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @ParameterizedTest(name = "{0} after {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/15 * * * *        | 2026-12-07T15:31:10Z | 2026-12-07T15:45:00Z",
        "* * * * *           | 2026-12-07T15:31:00Z | 2026-12-07T15:32:00Z",
        "0 * * * *           | 2026-12-07T15:00:00Z | 2026-12-07T16:00:00Z",
        "5,10-12 3 * * *     | 2026-12-07T03:10:30Z | 2026-12-07T03:11:00Z",
        "5,10-12 3 * * *     | 2026-12-07T03:12:00Z | 2026-12-08T03:05:00Z",
        "0 9 * * mon-fri     | 2026-12-11T09:00:00Z | 2026-12-14T09:00:00Z",
        "0 0 1 jan,JUL *     | 2026-01-01T00:00:00Z | 2026-07-01T00:00:00Z",
        "0 0 31 * *          | 2026-01-31T00:00:00Z | 2026-03-31T00:00:00Z",
        "0 0 29 2 *          | 2026-03-01T00:00:00Z | 2028-02-29T00:00:00Z",
        "0 0 13 * 5          | 2026-12-07T00:00:00Z | 2026-12-11T00:00:00Z",
        "10-50/20 * * * *    | 2026-12-07T15:31:00Z | 2026-12-07T15:50:00Z",
        "7/20 * * * *        | 2026-12-07T15:48:00Z | 2026-12-07T16:07:00Z",
        "@hourly             | 2026-12-07T15:31:00Z | 2026-12-07T16:00:00Z",
        "@daily              | 2026-12-07T15:31:00Z | 2026-12-08T00:00:00Z",
        "@weekly             | 2026-12-07T15:31:00Z | 2026-12-13T00:00:00Z",
        "@monthly            | 2026-12-07T15:31:00Z | 2027-01-01T00:00:00Z",
        "@yearly             | 2026-12-07T15:31:00Z | 2027-01-01T00:00:00Z",
      })
  void nextActivationInUtc(String spec, String after, String expected) {
    assertThat(CronSchedule.parse(spec.trim()).next(Instant.parse(after), ZoneOffset.UTC))
        .isEqualTo(Instant.parse(expected));
  }

  @Test
  void daysOfMonthAndWeekBothRestrictedRunOnEither() {
    // the 13th (a Sunday in December 2026) or any Friday, as cron and robfig/cron read it
    List<Instant> runs = runs("0 0 13 * fri", Instant.parse("2026-12-01T12:00:00Z"), 4);
    assertThat(runs)
        .containsExactly(
            Instant.parse("2026-12-04T05:00:00Z"),
            Instant.parse("2026-12-11T05:00:00Z"),
            Instant.parse("2026-12-13T05:00:00Z"),
            Instant.parse("2026-12-18T05:00:00Z"));
  }

  @Test
  void readsTheScheduleOnTheZonesWallClock() {
    // 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer
    CronSchedule nine = CronSchedule.parse("0 9 * * *");
    assertThat(nine.next(Instant.parse("2026-12-07T00:00:00Z"), NEW_YORK))
        .isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
    assertThat(nine.next(Instant.parse("2026-07-07T00:00:00Z"), NEW_YORK))
        .isEqualTo(Instant.parse("2026-07-07T13:00:00Z"));
  }

  @Test
  void aTimeSkippedBySpringForwardDoesNotRunThatDay() {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 does not exist that day
    List<Instant> runs = runs("30 2 * * *", Instant.parse("2026-03-07T00:00:00Z"), 2);
    assertThat(runs)
        .containsExactly(
            Instant.parse("2026-03-07T07:30:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
  }

  @Test
  void aTimeRepeatedByFallBackRunsTwiceAsRobfigCronDoes() {
    // 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:30 happens at 05:30Z and at 06:30Z
    List<Instant> runs = runs("30 1 * * *", Instant.parse("2026-11-01T00:00:00Z"), 3);
    assertThat(runs)
        .containsExactly(
            Instant.parse("2026-11-01T05:30:00Z"),
            Instant.parse("2026-11-01T06:30:00Z"),
            Instant.parse("2026-11-02T06:30:00Z"));
  }

  @Test
  void hourlyRunsStayAnHourApartAcrossDst() {
    List<Instant> runs = runs("0 * * * *", Instant.parse("2026-03-08T05:30:00Z"), 3);
    assertThat(runs)
        .containsExactly(
            Instant.parse("2026-03-08T06:00:00Z"),
            Instant.parse("2026-03-08T07:00:00Z"),
            Instant.parse("2026-03-08T08:00:00Z"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''              | empty spec string",
        "* * * *         | expected exactly 5 fields, found 4: [* * * *]",
        "60 * * * *      | end of range (60) above maximum (59): 60",
        "* * 0 * *       | beginning of range (0) below minimum (1): 0",
        "5-1 * * * *     | beginning of range (5) beyond end of range (1): 5-1",
        "*/0 * * * *     | step of range should be a positive number: */0",
        "x * * * *       | failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
        "1-2-3 * * * *   | too many hyphens: 1-2-3",
        "* * * * 7       | end of range (7) above maximum (6): 7",
        "@fortnightly    | unrecognized descriptor: @fortnightly",
      })
  void refusesWithRobfigCronMessages(String spec, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(spec.trim()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static List<Instant> runs(String spec, Instant from, int count) {
    CronSchedule s = CronSchedule.parse(spec);
    List<Instant> out = new ArrayList<>();
    Instant t = from;
    for (int i = 0; i < count; i++) {
      t = s.next(t, NEW_YORK);
      out.add(t);
    }
    return out;
  }
}

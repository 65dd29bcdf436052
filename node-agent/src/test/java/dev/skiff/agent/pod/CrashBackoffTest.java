package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrashBackoffTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  MutableClock clock = new MutableClock(T0);
  CrashBackoff backoff = new CrashBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), clock);

  @Test
  void theFirstRestartIsImmediate() {
    assertThat(backoff.backoffUntil("pod/c", T0)).isNull();
  }

  @Test
  void delaysDoubleFromTenSecondsToFiveMinutes() {
    Instant finished = T0;
    long[] expected = {10, 20, 40, 80, 160, 300, 300};
    for (long seconds : expected) {
      backoff.next("pod/c", finished);
      assertThat(backoff.backoffUntil("pod/c", finished)).isEqualTo(finished.plusSeconds(seconds));
      clock.advance(Duration.ofSeconds(seconds));
      assertThat(backoff.backoffUntil("pod/c", finished)).isNull();
      finished = clock.instant();
    }
  }

  @Test
  void startsOverAfterTwiceTheMaximumWithoutCrashes() {
    backoff.next("pod/c", T0);
    backoff.next("pod/c", T0.plusSeconds(10));
    Instant muchLater = T0.plus(Duration.ofMinutes(11));
    clock.advance(Duration.ofMinutes(11));

    backoff.next("pod/c", muchLater);

    assertThat(backoff.backoffUntil("pod/c", muchLater)).isEqualTo(muchLater.plusSeconds(10));
  }

  @Test
  void forgetDropsAPodsEntries() {
    backoff.next("uid-1/a", T0);
    backoff.next("uid-2/a", T0);

    backoff.forget("uid-1/");

    assertThat(backoff.backoffUntil("uid-1/a", T0)).isNull();
    assertThat(backoff.backoffUntil("uid-2/a", T0)).isNotNull();
  }
}

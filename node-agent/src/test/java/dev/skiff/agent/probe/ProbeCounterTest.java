package dev.skiff.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeCounterTest {
  static ProbeTiming timing(int success, int failure) {
    return new ProbeTiming(
        Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), success, failure);
  }

  @Test
  void aVerdictChangesOnlyAfterItsThresholdOfConsecutiveOutcomes() {
    ProbeCounter c = new ProbeCounter(timing(2, 3), false);
    assertThat(c.record(true)).isFalse();
    assertThat(c.record(true)).isTrue();
    assertThat(c.record(false)).isTrue();
    assertThat(c.record(false)).isTrue();
    assertThat(c.record(true)).isTrue();
    assertThat(c.record(false)).isTrue();
    assertThat(c.record(false)).isTrue();
    assertThat(c.failureThresholdReached()).isFalse();
    assertThat(c.record(false)).isFalse();
    assertThat(c.failureThresholdReached()).isTrue();
  }

  @Test
  void livenessStartsHealthy() {
    ProbeCounter c = new ProbeCounter(timing(1, 1), ProbeKind.LIVENESS.initialResult());
    assertThat(c.verdict()).isTrue();
    assertThat(c.record(false)).isFalse();
  }

  @Test
  void defaultsFollowKubernetes() {
    ProbeTiming t = ProbeTiming.of(new dev.skiff.api.model.core.Probe());
    assertThat(t)
        .isEqualTo(
            new ProbeTiming(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), 1, 3));
  }
}

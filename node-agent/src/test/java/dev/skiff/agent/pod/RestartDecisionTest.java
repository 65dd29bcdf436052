package dev.skiff.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.ContainerInfo;
import dev.skiff.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Desired vs actual: what happens to a container for each restart policy and state. */
class RestartDecisionTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

  static Stream<Arguments> table() {
    return Stream.of(
        // policy, latest state (null = never ran), exit code, starting, expected
        Arguments.of("Always", null, null, false, RestartDecision.Action.START),
        Arguments.of("Never", null, null, false, RestartDecision.Action.START),
        Arguments.of(
            "Always", ContainerInfo.State.RUNNING, null, false, RestartDecision.Action.NONE),
        Arguments.of("Always", null, null, true, RestartDecision.Action.NONE),
        Arguments.of("Always", ContainerInfo.State.EXITED, 0, false, RestartDecision.Action.START),
        Arguments.of("Always", ContainerInfo.State.EXITED, 1, false, RestartDecision.Action.START),
        Arguments.of(null, ContainerInfo.State.EXITED, 0, false, RestartDecision.Action.START),
        Arguments.of(
            "OnFailure", ContainerInfo.State.EXITED, 0, false, RestartDecision.Action.NONE),
        Arguments.of(
            "OnFailure", ContainerInfo.State.EXITED, 137, false, RestartDecision.Action.START),
        Arguments.of("Never", ContainerInfo.State.EXITED, 1, false, RestartDecision.Action.NONE),
        Arguments.of("Never", ContainerInfo.State.EXITED, 0, false, RestartDecision.Action.NONE));
  }

  @ParameterizedTest(name = "{0} {1} exit={2} starting={3} -> {4}")
  @MethodSource("table")
  void followsTheRestartPolicy(
      String policy,
      ContainerInfo.State state,
      Integer exit,
      boolean starting,
      RestartDecision.Action expected) {
    CrashBackoff backoff =
        new CrashBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), new MutableClock(NOW));
    ContainerInfo latest = state == null ? null : info(state, exit, NOW.minusSeconds(30));

    RestartDecision d = RestartDecision.decide(policy, latest, null, starting, backoff, "k");

    assertThat(d.action()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "crash {0} s ago with back-off 10 s -> {1}")
  @MethodSource("backoffs")
  void waitsOutTheBackOffFromTheFinishTime(long secondsAgo, RestartDecision.Action expected) {
    CrashBackoff backoff =
        new CrashBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), new MutableClock(NOW));
    Instant finished = NOW.minusSeconds(secondsAgo);
    backoff.next("k", finished.minusSeconds(1));

    RestartDecision d =
        RestartDecision.decide(
            "Always", info(ContainerInfo.State.EXITED, 1, finished), null, false, backoff, "k");

    assertThat(d.action()).isEqualTo(expected);
    if (expected == RestartDecision.Action.BACKOFF) {
      assertThat(d.until()).isEqualTo(finished.plusSeconds(10));
    }
  }

  static Stream<Arguments> backoffs() {
    return Stream.of(
        Arguments.of(1L, RestartDecision.Action.BACKOFF),
        Arguments.of(9L, RestartDecision.Action.BACKOFF),
        Arguments.of(10L, RestartDecision.Action.START),
        Arguments.of(60L, RestartDecision.Action.START));
  }

  @ParameterizedTest(name = "start failure under {0}: retried with back-off")
  @MethodSource("policies")
  void aFailedStartIsRetriedWithBackOffUnderEveryPolicy(String policy) {
    CrashBackoff backoff =
        new CrashBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), new MutableClock(NOW));
    StartFailure failure =
        new StartFailure("CreateContainerError", "no such file", NOW.minusSeconds(2));

    assertThat(RestartDecision.decide(policy, null, failure, false, backoff, "k").action())
        .isEqualTo(RestartDecision.Action.START);
    backoff.next("k", failure.at());
    assertThat(RestartDecision.decide(policy, null, failure, false, backoff, "k").action())
        .isEqualTo(RestartDecision.Action.BACKOFF);
  }

  static Stream<String> policies() {
    return Stream.of("Always", "OnFailure", "Never");
  }

  private static ContainerInfo info(ContainerInfo.State state, Integer exit, Instant finished) {
    return new ContainerInfo(
        "id",
        "uid",
        "c",
        0,
        "img",
        "img",
        state,
        finished.minusSeconds(5),
        state == ContainerInfo.State.EXITED ? finished : null,
        exit,
        exit == null ? null : ContainerInfo.exitReason(exit),
        null);
  }

  @org.junit.jupiter.api.Test
  void aFailureWithItsOwnRetryTimeWaitsForItAndNeverForTheCrashBackOff() {
    CrashBackoff backoff =
        new CrashBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), new MutableClock(NOW));
    backoff.next("k", NOW.minusSeconds(1));
    StartFailure later =
        new StartFailure(
            "ErrImagePull", "manifest unknown", NOW.minusSeconds(1), NOW.plusSeconds(2));
    StartFailure due = new StartFailure("ImagePullBackOff", "Back-off", NOW.minusSeconds(1), NOW);

    RestartDecision waiting = RestartDecision.decide("Always", null, later, false, backoff, "k");
    RestartDecision start = RestartDecision.decide("Always", null, due, false, backoff, "k");

    assertThat(waiting.action()).isEqualTo(RestartDecision.Action.BACKOFF);
    assertThat(waiting.until()).isEqualTo(NOW.plusSeconds(2));
    assertThat(start.action()).isEqualTo(RestartDecision.Action.START);
    assertThat(start.eventTime()).isNull();
  }
}

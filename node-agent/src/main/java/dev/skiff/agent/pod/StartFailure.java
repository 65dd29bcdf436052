package dev.skiff.agent.pod;

import java.time.Instant;

/** The last failed attempt to start a container: the waiting reason and message to report. */
record StartFailure(String reason, String message, Instant at) {

  /** From an exception: its RuntimeFailure reason, else {@code fallback}. */
  static StartFailure of(Throwable cause, String fallback, Instant at) {
    return new StartFailure(
        dev.skiff.agent.runtime.RuntimeFailure.reasonOf(cause, fallback),
        String.valueOf(cause.getMessage()),
        at);
  }
}

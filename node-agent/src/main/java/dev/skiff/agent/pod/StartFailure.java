package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.RuntimeFailure;
import java.time.Instant;

/**
 * The last failed attempt to start a container: the waiting reason and message to report.
 *
 * @param retryAt when to try again, or null for the crash back-off (see {@link
 *     RuntimeFailure#retryAt()})
 */
record StartFailure(String reason, String message, Instant at, Instant retryAt) {

  StartFailure(String reason, String message, Instant at) {
    this(reason, message, at, null);
  }

  /** From an exception: its RuntimeFailure reason, else {@code fallback}. */
  static StartFailure of(Throwable cause, String fallback, Instant at) {
    return new StartFailure(
        RuntimeFailure.reasonOf(cause, fallback),
        String.valueOf(cause.getMessage()),
        at,
        cause instanceof RuntimeFailure f ? f.retryAt() : null);
  }
}

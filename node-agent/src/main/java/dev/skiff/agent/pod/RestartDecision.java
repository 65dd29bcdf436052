package dev.skiff.agent.pod;

import dev.skiff.agent.runtime.ContainerInfo;
import java.time.Instant;

/**
 * Whether a container should be started now, as the kubelet decides it: a container that never ran
 * starts; one that exited restarts under restartPolicy Always, or OnFailure with a non-zero exit
 * code, never under Never; a restart (or a retry after a failed start) waits out the crash back-off
 * (or, for a failure that says when to retry, such as an image pull, until then).
 *
 * @param until end of the back-off when {@code action} is BACKOFF
 * @param eventTime the exit or failure the restart answers (for {@link CrashBackoff#next})
 */
record RestartDecision(Action action, Instant until, Instant eventTime) {
  enum Action {
    NONE,
    START,
    BACKOFF
  }

  static final RestartDecision NONE = new RestartDecision(Action.NONE, null, null);

  static RestartDecision decide(
      String restartPolicy,
      ContainerInfo latest,
      StartFailure failure,
      boolean starting,
      CrashBackoff backoff,
      String backoffKey) {
    if (starting || (latest != null && !latest.exited())) {
      return NONE;
    }
    boolean failedSince =
        failure != null && (latest == null || !failure.at().isBefore(latest.finishedAt()));
    Instant event;
    if (failedSince && failure.retryAt() != null) {
      // the failure keeps its own back-off (image pulls): wait for it, never the crash back-off
      return backoff.now().isBefore(failure.retryAt())
          ? new RestartDecision(Action.BACKOFF, failure.retryAt(), failure.at())
          : new RestartDecision(Action.START, null, null);
    }
    if (failedSince) {
      event = failure.at();
    } else if (latest == null) {
      return new RestartDecision(Action.START, null, null);
    } else if (shouldRestart(restartPolicy, latest.exitCode())) {
      event = latest.finishedAt();
    } else {
      return NONE;
    }
    Instant until = backoff.backoffUntil(backoffKey, event);
    return until == null
        ? new RestartDecision(Action.START, null, event)
        : new RestartDecision(Action.BACKOFF, until, event);
  }

  static boolean shouldRestart(String restartPolicy, Integer exitCode) {
    if (restartPolicy == null || restartPolicy.equals("Always")) {
      return true;
    }
    return restartPolicy.equals("OnFailure") && exitCode != null && exitCode != 0;
  }
}

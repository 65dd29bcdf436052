package dev.skiff.agent.pod;

import dev.skiff.api.model.core.Pod;
import java.time.Duration;

/** The termination grace period that applies: an override, else the pod's, else 30 s. */
final class Grace {
  static final long DEFAULT_SECONDS = 30;

  private Grace() {}

  static Duration of(Pod pod, Long override) {
    if (override != null) {
      return Duration.ofSeconds(Math.max(0, override));
    }
    Long spec = pod.spec().terminationGracePeriodSeconds;
    return Duration.ofSeconds(spec == null ? DEFAULT_SECONDS : Math.max(0, spec));
  }
}

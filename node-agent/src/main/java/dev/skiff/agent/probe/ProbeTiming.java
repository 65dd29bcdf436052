package dev.skiff.agent.probe;

import dev.skiff.api.model.core.Probe;
import java.time.Duration;

/** A probe's timing with Kubernetes' defaults (0 s delay, 1 s timeout, 10 s period, 1, 3). */
public record ProbeTiming(
    Duration initialDelay,
    Duration timeout,
    Duration period,
    int successThreshold,
    int failureThreshold) {

  public static ProbeTiming of(Probe p) {
    return new ProbeTiming(
        Duration.ofSeconds(orDefault(p.initialDelaySeconds, 0)),
        Duration.ofSeconds(Math.max(1, orDefault(p.timeoutSeconds, 1))),
        Duration.ofSeconds(Math.max(1, orDefault(p.periodSeconds, 10))),
        Math.max(1, orDefault(p.successThreshold, 1)),
        Math.max(1, orDefault(p.failureThreshold, 3)));
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}

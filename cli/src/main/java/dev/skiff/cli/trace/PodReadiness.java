package dev.skiff.cli.trace;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import java.util.List;

/** Is a pod Ready, and if not, why, in words taken from its conditions and container statuses. */
public final class PodReadiness {
  private PodReadiness() {}

  public static boolean isReady(Pod pod) {
    PodCondition ready = condition(pod, "Ready");
    return ready != null && "True".equals(ready.status) && pod.meta().deletionTimestamp == null;
  }

  /** A short reason such as {@code readiness probe failing} or {@code not scheduled to a node}. */
  public static String whyNotReady(Pod pod) {
    if (pod.meta().deletionTimestamp != null) {
      return "being deleted";
    }
    String phase = pod.status == null || pod.status.phase == null ? "Pending" : pod.status.phase;
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      return "phase " + phase;
    }
    if (pod.spec == null || pod.spec.nodeName == null || pod.spec.nodeName.isEmpty()) {
      PodCondition scheduled = condition(pod, "PodScheduled");
      String why =
          scheduled != null && "False".equals(scheduled.status) && scheduled.message != null
              ? ": " + scheduled.message
              : "";
      return "not scheduled to a node yet" + why;
    }
    List<ContainerStatus> statuses = pod.status == null ? null : pod.status.containerStatuses;
    if (statuses == null || statuses.isEmpty()) {
      return "containers not started yet on " + pod.spec.nodeName;
    }
    for (ContainerStatus s : statuses) {
      if (Boolean.TRUE.equals(s.ready)) {
        continue;
      }
      if (s.state != null && s.state.waiting != null) {
        String reason = s.state.waiting.reason == null ? "waiting" : s.state.waiting.reason;
        return "container " + s.name + " is waiting: " + reason;
      }
      if (s.state != null && s.state.terminated != null) {
        return "container " + s.name + " terminated with exit code " + s.state.terminated.exitCode;
      }
      if (hasReadinessProbe(pod, s.name)) {
        return "readiness probe failing";
      }
      return "container " + s.name + " is not ready";
    }
    PodCondition ready = condition(pod, "Ready");
    if (ready != null && ready.reason != null) {
      return ready.reason + (ready.message == null ? "" : ": " + ready.message);
    }
    return "Ready condition is not True";
  }

  private static boolean hasReadinessProbe(Pod pod, String container) {
    List<Container> containers = pod.spec == null ? null : pod.spec.containers;
    if (containers == null) {
      return false;
    }
    return containers.stream().anyMatch(c -> container.equals(c.name) && c.readinessProbe != null);
  }

  static PodCondition condition(Pod pod, String type) {
    if (pod.status == null || pod.status.conditions == null) {
      return null;
    }
    return pod.status.conditions.stream().filter(c -> type.equals(c.type)).findFirst().orElse(null);
  }
}

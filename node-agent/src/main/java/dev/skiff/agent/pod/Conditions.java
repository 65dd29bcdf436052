package dev.skiff.agent.pod;

import dev.skiff.api.model.core.ContainerStatus;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.core.PodStatus;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod conditions the node agent owns: PodScheduled (kept), Initialized, ContainersReady and
 * Ready; a condition keeps its lastTransitionTime while its status does not change.
 */
final class Conditions {
  private Conditions() {}

  /**
   * @param initPending init containers that have not completed, in order
   */
  static List<PodCondition> of(
      PodStatus old, PodStatus now, int containers, List<String> initPending, Instant at) {
    List<String> unready = new ArrayList<>();
    for (ContainerStatus s : now.containerStatuses) {
      if (!Boolean.TRUE.equals(s.ready)) {
        unready.add(s.name);
      }
    }
    boolean completed = PodPhase.SUCCEEDED.equals(now.phase);
    boolean ready = containers > 0 && unready.isEmpty() && !PodPhase.isTerminal(now.phase);
    String reason = completed ? "PodCompleted" : ready ? null : "ContainersNotReady";
    String message =
        ready || completed
            ? null
            : "containers with unready status: [" + String.join(" ", unready) + "]";
    List<PodCondition> list = new ArrayList<>();
    PodCondition scheduled = find(old, "PodScheduled");
    list.add(scheduled != null ? scheduled : condition(old, "PodScheduled", true, null, null, at));
    boolean initialized = initPending.isEmpty();
    list.add(
        condition(
            old,
            "Initialized",
            initialized,
            initialized ? (completed ? "PodCompleted" : null) : "ContainersNotInitialized",
            initialized
                ? null
                : "containers with incomplete status: [" + String.join(" ", initPending) + "]",
            at));
    list.add(condition(old, "ContainersReady", ready, reason, message, at));
    list.add(condition(old, "Ready", ready, reason, message, at));
    return list;
  }

  private static PodCondition condition(
      PodStatus old, String type, boolean value, String reason, String message, Instant at) {
    PodCondition c = new PodCondition();
    c.type = type;
    c.status = value ? "True" : "False";
    c.reason = reason;
    c.message = message;
    PodCondition previous = find(old, type);
    c.lastTransitionTime =
        previous != null && c.status.equals(previous.status) && previous.lastTransitionTime != null
            ? previous.lastTransitionTime
            : Times.time(at);
    return c;
  }

  /** True if {@code status} has condition Ready True. */
  static boolean isReady(PodStatus status) {
    PodCondition ready = find(status, "Ready");
    return ready != null && "True".equals(ready.status);
  }

  private static PodCondition find(PodStatus status, String type) {
    if (status == null || status.conditions == null) {
      return null;
    }
    for (PodCondition c : status.conditions) {
      if (type.equals(c.type)) {
        return c;
      }
    }
    return null;
  }
}

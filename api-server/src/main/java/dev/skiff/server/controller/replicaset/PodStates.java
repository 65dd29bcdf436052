package dev.skiff.server.controller.replicaset;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.core.PodSpec;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.controller.endpoints.ServiceMembers;
import dev.skiff.server.controller.support.Owners;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;

/** Pod facts the workload controllers share: active, ready, available, deletion order. */
public final class PodStates {
  private PodStates() {}

  /** Not terminal and not being deleted (controller.FilterActivePods). */
  public static boolean isActive(Pod pod) {
    return !ServiceMembers.isTerminal(pod) && pod.meta().deletionTimestamp == null;
  }

  public static boolean isReady(Pod pod) {
    return ServiceMembers.isPodReady(pod);
  }

  /** Ready for at least minReadySeconds (podutil.IsPodAvailable). */
  public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds <= 0) {
      return true;
    }
    Instant since = readySince(pod);
    return since != null && !since.plus(Duration.ofSeconds(minReadySeconds)).isAfter(now);
  }

  static Instant readySince(Pod pod) {
    if (pod.status == null || pod.status.conditions == null) {
      return null;
    }
    for (PodCondition c : pod.status.conditions) {
      if ("Ready".equals(c.type) && "True".equals(c.status)) {
        return Times.parse(c.lastTransitionTime);
      }
    }
    return null;
  }

  /**
   * The order in which to delete surplus pods, first = delete first (controller.ActivePods):
   * unscheduled, then pending, then not ready, then ready for the shortest time, then newest.
   */
  public static final Comparator<Pod> DELETE_FIRST =
      Comparator.<Pod>comparingInt(p -> isScheduled(p) ? 1 : 0)
          .thenComparingInt(PodStates::phaseRank)
          .thenComparingInt(p -> isReady(p) ? 1 : 0)
          .thenComparing(
              p -> readySince(p) == null ? Instant.MAX : readySince(p), Comparator.reverseOrder())
          .thenComparing(
              p -> p.meta().creationTimestamp == null ? "" : p.meta().creationTimestamp,
              Comparator.reverseOrder())
          .thenComparing(p -> p.meta().name);

  /**
   * A new pod from {@code template}, controlled by {@code owner} (its controller reference, in its
   * namespace): the template's labels (a fresh map, empty when it has none) and annotations, a copy
   * of its spec. The caller names it.
   */
  public static Pod fromTemplate(KubeObject owner, PodTemplateSpec template) {
    Pod pod = new Pod();
    pod.meta().namespace = owner.meta().namespace;
    pod.meta().labels = new LinkedHashMap<>();
    if (template != null && template.metadata != null) {
      if (template.metadata.labels != null) {
        pod.meta().labels.putAll(template.metadata.labels);
      }
      if (template.metadata.annotations != null) {
        pod.meta().annotations = new LinkedHashMap<>(template.metadata.annotations);
      }
    }
    pod.meta().ownerReferences = Owners.listOf(Owners.controllerRef(owner));
    pod.spec =
        template == null || template.spec == null
            ? new PodSpec()
            : Json.copy(template.spec, PodSpec.class);
    return pod;
  }

  private static boolean isScheduled(Pod pod) {
    return pod.spec != null && pod.spec.nodeName != null && !pod.spec.nodeName.isEmpty();
  }

  private static int phaseRank(Pod pod) {
    String phase = pod.status == null ? null : pod.status.phase;
    if ("Pending".equals(phase)) {
      return 0;
    }
    if ("Running".equals(phase)) {
      return 2;
    }
    return 1;
  }
}

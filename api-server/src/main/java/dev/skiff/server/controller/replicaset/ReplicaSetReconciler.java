package dev.skiff.server.controller.replicaset;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.ReplicaSetStatus;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.selector.Selector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ReplicaSet needs, pure: how many pods to create or which to delete so that {@code
 * spec.replicas} active pods exist, and the status to report. At most {@link #BURST} creations or
 * deletions per pass.
 */
public final class ReplicaSetReconciler {
  public static final int BURST = 500;

  private ReplicaSetReconciler() {}

  /** The writes of one pass. */
  public record Plan(int create, List<Pod> delete, ReplicaSetStatus status) {}

  /**
   * @param owned the pods this ReplicaSet controls (any state)
   */
  public static Plan plan(ReplicaSet rs, List<Pod> owned, Instant now) {
    int replicas = rs.spec().replicas == null ? 1 : rs.spec().replicas;
    List<Pod> active = new ArrayList<>(owned.stream().filter(PodStates::isActive).toList());
    int diff = active.size() - replicas;
    List<Pod> delete = new ArrayList<>();
    int create = 0;
    if (diff < 0) {
      create = Math.min(-diff, BURST);
    } else if (diff > 0) {
      active.sort(PodStates.DELETE_FIRST);
      delete.addAll(active.subList(0, Math.min(diff, BURST)));
    }
    return new Plan(create, delete, status(rs, active, now));
  }

  /** The status from the active pods (before this pass's writes, as Kubernetes reports it). */
  static ReplicaSetStatus status(ReplicaSet rs, List<Pod> active, Instant now) {
    int minReady = rs.spec().minReadySeconds == null ? 0 : rs.spec().minReadySeconds;
    Selector templateLabels =
        Selector.fromMap(
            rs.spec().template == null || rs.spec().template.metadata == null
                ? null
                : rs.spec().template.metadata.labels);
    ReplicaSetStatus s = new ReplicaSetStatus();
    s.replicas = active.size();
    s.fullyLabeledReplicas =
        (int) active.stream().filter(p -> templateLabels.matches(p.meta().labels)).count();
    s.readyReplicas = (int) active.stream().filter(PodStates::isReady).count();
    s.availableReplicas =
        (int) active.stream().filter(p -> PodStates.isAvailable(p, minReady, now)).count();
    s.observedGeneration = rs.meta().generation;
    s.conditions = rs.status == null ? null : rs.status.conditions;
    return s;
  }

  /** A new pod from the template: generated name, template labels, controller reference. */
  public static Pod podFor(ReplicaSet rs) {
    Pod pod = PodStates.fromTemplate(rs, rs.spec().template);
    pod.meta().generateName = rs.meta().name + "-";
    return pod;
  }

  /** Whether two statuses differ in what the controller writes. */
  public static boolean changed(ReplicaSetStatus current, ReplicaSetStatus next) {
    Object a = Json.mapper().valueToTree(current == null ? new ReplicaSetStatus() : current);
    Object b = Json.mapper().valueToTree(next);
    return !a.equals(b);
  }
}

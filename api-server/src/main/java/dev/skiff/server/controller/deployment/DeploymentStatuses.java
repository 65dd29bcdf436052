package dev.skiff.server.controller.deployment;

import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.DeploymentCondition;
import dev.skiff.api.model.apps.DeploymentStatus;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Deployment's status (calculateStatus and syncRolloutStatus): counts from its ReplicaSets, the
 * Available condition, and the Progressing condition (NewReplicaSetCreated, ReplicaSetUpdated,
 * NewReplicaSetAvailable, or ProgressDeadlineExceeded), which kubectl rollout status reads.
 */
final class DeploymentStatuses {
  private DeploymentStatuses() {}

  static DeploymentStatus compute(
      Deployment d, ReplicaSet newRs, List<ReplicaSet> all, boolean createdNew, Instant now) {
    DeploymentStatus old = d.status == null ? new DeploymentStatus() : d.status;
    DeploymentStatus s = new DeploymentStatus();
    int available = all.stream().mapToInt(Rollout::available).sum();
    s.observedGeneration = d.meta().generation;
    s.replicas = Rollout.statusTotal(all);
    s.updatedReplicas = newRs == null ? 0 : Rollout.statusTotal(List.of(newRs));
    s.readyReplicas = all.stream().mapToInt(Rollout::ready).sum();
    s.availableReplicas = available;
    s.unavailableReplicas = Math.max(0, Rollout.specTotal(all) - available);
    s.collisionCount = old.collisionCount;
    s.conditions = old.conditions == null ? new ArrayList<>() : new ArrayList<>(old.conditions);
    String nowText = Times.time(now);
    boolean minimum = available >= Rollout.replicas(d) - Rollout.maxUnavailable(d);
    set(
        s,
        condition(
            "Available",
            minimum,
            minimum ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            minimum
                ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability.",
            nowText),
        false);
    String rsName = newRs == null ? "" : newRs.meta().name;
    if (createdNew) {
      set(
          s,
          condition(
              "Progressing",
              true,
              "NewReplicaSetCreated",
              "Created new replica set \"" + rsName + "\"",
              nowText),
          true);
    } else if (newRs != null && complete(d, s)) {
      set(
          s,
          condition(
              "Progressing",
              true,
              "NewReplicaSetAvailable",
              "ReplicaSet \"" + rsName + "\" has successfully progressed.",
              nowText),
          false);
    } else if (newRs != null && progressing(old, s)) {
      set(
          s,
          condition(
              "Progressing",
              true,
              "ReplicaSetUpdated",
              "ReplicaSet \"" + rsName + "\" is progressing.",
              nowText),
          true);
    } else if (newRs != null && timedOut(d, s, now)) {
      set(
          s,
          condition(
              "Progressing",
              false,
              "ProgressDeadlineExceeded",
              "ReplicaSet \"" + rsName + "\" has timed out progressing.",
              nowText),
          false);
    }
    return s;
  }

  /** DeploymentComplete: every replica updated and available, nothing old left. */
  static boolean complete(Deployment d, DeploymentStatus s) {
    int replicas = Rollout.replicas(d);
    return s.updatedReplicas == replicas
        && s.replicas == replicas
        && s.availableReplicas == replicas
        && Objects.equals(s.observedGeneration, d.meta().generation);
  }

  private static boolean progressing(DeploymentStatus old, DeploymentStatus s) {
    int oldOld = n(old.replicas) - n(old.updatedReplicas);
    int newOld = s.replicas - s.updatedReplicas;
    return s.updatedReplicas > n(old.updatedReplicas)
        || newOld < oldOld
        || s.readyReplicas > n(old.readyReplicas)
        || s.availableReplicas > n(old.availableReplicas);
  }

  private static boolean timedOut(Deployment d, DeploymentStatus s, Instant now) {
    Integer deadline = d.spec().progressDeadlineSeconds;
    DeploymentCondition c = find(s.conditions, "Progressing");
    if (deadline == null || deadline == Integer.MAX_VALUE || c == null) {
      return false;
    }
    if ("NewReplicaSetAvailable".equals(c.reason) || "ProgressDeadlineExceeded".equals(c.reason)) {
      return false;
    }
    Instant last = Times.parse(c.lastUpdateTime);
    return last != null && last.plusSeconds(deadline).isBefore(now);
  }

  private static DeploymentCondition condition(
      String type, boolean status, String reason, String message, String now) {
    DeploymentCondition c = new DeploymentCondition();
    c.type = type;
    c.status = status ? "True" : "False";
    c.reason = reason;
    c.message = message;
    c.lastUpdateTime = now;
    c.lastTransitionTime = now;
    return c;
  }

  /**
   * SetDeploymentCondition; {@code touch} also refreshes a same-status condition's update time and
   * message (ReplicaSetUpdated), keeping its transition time.
   */
  private static void set(DeploymentStatus s, DeploymentCondition next, boolean touch) {
    DeploymentCondition current = find(s.conditions, next.type);
    if (current != null
        && current.status.equals(next.status)
        && Objects.equals(current.reason, next.reason)
        && !touch) {
      return;
    }
    if (current != null && current.status.equals(next.status)) {
      next.lastTransitionTime = current.lastTransitionTime;
    }
    s.conditions.remove(current);
    s.conditions.add(next);
  }

  private static DeploymentCondition find(List<DeploymentCondition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> type.equals(c.type)).findFirst().orElse(null);
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}

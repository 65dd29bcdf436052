package dev.skiff.server.controller.deployment;

import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.meta.IntOrString;
import java.util.List;

/** Deployment arithmetic (deploymentutil): replicas, surge and unavailability fenceposts. */
final class Rollout {
  static final IntOrString DEFAULT_FENCEPOST = IntOrString.of("25%");

  private Rollout() {}

  static int replicas(Deployment d) {
    return d.spec().replicas == null ? 1 : d.spec().replicas;
  }

  static int replicas(ReplicaSet rs) {
    return rs.spec().replicas == null ? 0 : rs.spec().replicas;
  }

  static boolean isRecreate(Deployment d) {
    return d.spec().strategy != null && "Recreate".equals(d.spec().strategy.type);
  }

  /** ResolveFenceposts: surge rounds up, unavailable down; both zero means unavailable 1. */
  static int[] fenceposts(Deployment d) {
    if (isRecreate(d)) {
      return new int[] {0, 0};
    }
    int replicas = replicas(d);
    var ru = d.spec().strategy == null ? null : d.spec().strategy.rollingUpdate;
    IntOrString surge = ru == null || ru.maxSurge == null ? DEFAULT_FENCEPOST : ru.maxSurge;
    IntOrString unavailable =
        ru == null || ru.maxUnavailable == null ? DEFAULT_FENCEPOST : ru.maxUnavailable;
    int s = surge.scaledValue(replicas, true);
    int u = unavailable.scaledValue(replicas, false);
    if (s == 0 && u == 0) {
      u = 1;
    }
    return new int[] {s, u};
  }

  static int maxSurge(Deployment d) {
    return fenceposts(d)[0];
  }

  /** MaxUnavailable: never more than replicas. */
  static int maxUnavailable(Deployment d) {
    return Math.min(fenceposts(d)[1], replicas(d));
  }

  static int specTotal(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(Rollout::replicas).sum();
  }

  static int statusTotal(List<ReplicaSet> sets) {
    return sets.stream()
        .mapToInt(rs -> rs.status == null || rs.status.replicas == null ? 0 : rs.status.replicas)
        .sum();
  }

  static int available(ReplicaSet rs) {
    return rs.status == null || rs.status.availableReplicas == null
        ? 0
        : rs.status.availableReplicas;
  }

  static int ready(ReplicaSet rs) {
    return rs.status == null || rs.status.readyReplicas == null ? 0 : rs.status.readyReplicas;
  }
}

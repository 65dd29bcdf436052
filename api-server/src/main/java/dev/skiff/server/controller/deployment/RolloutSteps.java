package dev.skiff.server.controller.deployment;

import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of a rollout (the deployment controller's rolling.go and recreate.go) on a working copy
 * of the ReplicaSets' replica counts; the scalings it decides are in {@link #scales}. A pass stops
 * at its first kind of change, as in Kubernetes: create the new ReplicaSet, or scale it up, or
 * scale old ones down.
 */
final class RolloutSteps {
  /** Scale {@code rs} from {@code from} to {@code to} replicas. */
  record Scale(ReplicaSet rs, int from, int to) {}

  private final Deployment d;
  private final ReplicaSet newRs;
  private final List<ReplicaSet> old;
  private final Map<String, Integer> working = new HashMap<>();
  final List<Scale> scales = new ArrayList<>();

  /** The new ReplicaSet's replicas when it must be created; -1 when not. */
  int createWith = -1;

  RolloutSteps(Deployment d, ReplicaSet newRs, List<ReplicaSet> oldestFirst) {
    this.d = d;
    this.newRs = newRs;
    this.old = oldestFirst;
  }

  void rolling() {
    if (newRs == null) {
      createWith = newReplicas();
      return;
    }
    if (!reconcileNew()) {
      reconcileOld();
    }
  }

  /** Recreate: old ReplicaSets to zero, wait until their pods are gone, then the new one up. */
  void recreate(int oldPodsRunning) {
    boolean scaledDown = false;
    for (ReplicaSet rs : old) {
      if (spec(rs) > 0) {
        scale(rs, 0);
        scaledDown = true;
      }
    }
    if (scaledDown || oldPodsRunning > 0) {
      return;
    }
    if (newRs == null) {
      createWith = Rollout.replicas(d);
    } else {
      scale(newRs, Rollout.replicas(d));
    }
  }

  private boolean reconcileNew() {
    int want = Rollout.replicas(d);
    int current = spec(newRs);
    if (current == want) {
      return false;
    }
    if (current > want) {
      scale(newRs, want);
      return true;
    }
    int next = newReplicas();
    scale(newRs, next);
    return next != current;
  }

  /** NewRSNewReplicas: scale up as far as maxSurge allows, never past spec.replicas. */
  private int newReplicas() {
    int replicas = Rollout.replicas(d);
    int current = newRs == null ? 0 : spec(newRs);
    int maxTotal = replicas + Rollout.maxSurge(d);
    int total = totalSpec();
    if (total >= maxTotal) {
      return current;
    }
    return current + Math.min(maxTotal - total, replicas - current);
  }

  private void reconcileOld() {
    if (old.stream().mapToInt(this::spec).sum() == 0) {
      return;
    }
    int minAvailable = Rollout.replicas(d) - Rollout.maxUnavailable(d);
    int newUnavailable = spec(newRs) - Rollout.available(newRs);
    int maxScaledDown = totalSpec() - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return;
    }
    cleanupUnhealthy(maxScaledDown);
    scaleDownOld(minAvailable);
  }

  /** Old ReplicaSets' unavailable replicas go first, up to {@code max}. */
  private void cleanupUnhealthy(int max) {
    int total = 0;
    for (ReplicaSet rs : old) {
      if (total >= max) {
        break;
      }
      int spec = spec(rs);
      int available = Rollout.available(rs);
      if (spec == 0 || spec <= available) {
        continue;
      }
      int down = Math.min(max - total, spec - available);
      scale(rs, spec - down);
      total += down;
    }
  }

  /** Then available old replicas, as long as minAvailable pods stay available. */
  private void scaleDownOld(int minAvailable) {
    int available = Rollout.available(newRs) + old.stream().mapToInt(Rollout::available).sum();
    if (available <= minAvailable) {
      return;
    }
    int totalDown = available - minAvailable;
    int total = 0;
    for (ReplicaSet rs : old) {
      if (total >= totalDown) {
        break;
      }
      int spec = spec(rs);
      if (spec == 0) {
        continue;
      }
      int down = Math.min(spec, totalDown - total);
      scale(rs, spec - down);
      total += down;
    }
  }

  private int totalSpec() {
    int total = old.stream().mapToInt(this::spec).sum();
    return newRs == null ? total : total + spec(newRs);
  }

  private int spec(ReplicaSet rs) {
    return working.getOrDefault(rs.meta().name, Rollout.replicas(rs));
  }

  private void scale(ReplicaSet rs, int to) {
    int from = spec(rs);
    if (from != to) {
      working.put(rs.meta().name, to);
      scales.removeIf(s -> s.rs() == rs);
      if (to != Rollout.replicas(rs)) {
        scales.add(new Scale(rs, Rollout.replicas(rs), to));
      }
    }
  }
}

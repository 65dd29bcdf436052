package dev.skiff.server.controller.deployment;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.DeploymentStatus;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.server.controller.support.Owners;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Deployment needs in one pass, pure: which ReplicaSet is new (its template equals the
 * Deployment's, ignoring pod-template-hash), whether to create it, how to scale (RollingUpdate or
 * Recreate, see {@link RolloutSteps}), which old ReplicaSets to clean up beyond
 * revisionHistoryLimit, and the status to write.
 */
public final class DeploymentReconciler {
  public static final String REVISION = "deployment.kubernetes.io/revision";
  public static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  public static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  public static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  private DeploymentReconciler() {}

  /** Scale {@code rs} from {@code from} to {@code to}. */
  public record Scale(ReplicaSet rs, int from, int to) {}

  /**
   * @param create the new ReplicaSet to create, or null
   * @param revise the existing new ReplicaSet with its revision raised above every old one (a
   *     rollback to its template makes it the newest revision again), or null; scales of it carry
   *     the new revision too
   */
  public record Plan(
      ReplicaSet create,
      ReplicaSet revise,
      List<Scale> scales,
      List<ReplicaSet> delete,
      DeploymentStatus status) {}

  /**
   * @param owned the ReplicaSets this Deployment controls
   * @param podsByReplicaSet non-terminal pod counts by ReplicaSet uid (Recreate waits until the old
   *     ReplicaSets have none)
   */
  public static Plan plan(
      Deployment d, List<ReplicaSet> owned, Map<String, Integer> podsByReplicaSet, Instant now) {
    List<ReplicaSet> sorted = new ArrayList<>(owned);
    sorted.sort(
        Comparator.comparing(
                (ReplicaSet rs) ->
                    rs.meta().creationTimestamp == null ? "" : rs.meta().creationTimestamp)
            .thenComparing(rs -> rs.meta().name));
    ReplicaSet newRs = sorted.stream().filter(rs -> sameTemplate(rs, d)).findFirst().orElse(null);
    List<ReplicaSet> old = new ArrayList<>(sorted);
    old.remove(newRs);
    ReplicaSet revised = newRs == null ? null : revised(newRs, maxRevision(old));
    if (revised != null) {
      newRs = revised;
    }
    RolloutSteps steps = new RolloutSteps(d, newRs, old);
    if (!Boolean.TRUE.equals(d.spec().paused)) {
      if (Rollout.isRecreate(d)) {
        steps.recreate(
            old.stream().mapToInt(rs -> podsByReplicaSet.getOrDefault(rs.meta().uid, 0)).sum());
      } else {
        steps.rolling();
      }
    }
    ReplicaSet created = steps.createWith >= 0 ? newReplicaSet(d, old, steps.createWith) : null;
    List<ReplicaSet> all = new ArrayList<>(old);
    ReplicaSet current = created != null ? created : newRs;
    if (current != null) {
      all.add(current);
    }
    DeploymentStatus status = DeploymentStatuses.compute(d, current, all, created != null, now);
    List<ReplicaSet> delete = new ArrayList<>();
    if (created == null && steps.scales.isEmpty() && DeploymentStatuses.complete(d, status)) {
      delete = cleanup(d, old);
    }
    List<Scale> scales =
        steps.scales.stream().map(s -> new Scale(s.rs(), s.from(), s.to())).toList();
    ReplicaSet revise =
        revised != null && scales.stream().noneMatch(sc -> sc.rs() == revised) ? revised : null;
    return new Plan(created, revise, scales, delete, status);
  }

  /** Old ReplicaSets with no replicas beyond revisionHistoryLimit (default 10), oldest first. */
  static List<ReplicaSet> cleanup(Deployment d, List<ReplicaSet> oldestFirst) {
    int limit = d.spec().revisionHistoryLimit == null ? 10 : d.spec().revisionHistoryLimit;
    List<ReplicaSet> idle =
        oldestFirst.stream()
            .filter(rs -> Rollout.replicas(rs) == 0 && Rollout.statusTotal(List.of(rs)) == 0)
            .toList();
    int excess = idle.size() - limit;
    return excess > 0 ? new ArrayList<>(idle.subList(0, excess)) : new ArrayList<>();
  }

  /** EqualIgnoreHash: the templates are equal once pod-template-hash is removed. */
  static boolean sameTemplate(ReplicaSet rs, Deployment d) {
    return withoutHash(rs.spec().template).equals(withoutHash(d.spec().template));
  }

  private static Object withoutHash(PodTemplateSpec template) {
    PodTemplateSpec copy =
        template == null ? new PodTemplateSpec() : Json.copy(template, PodTemplateSpec.class);
    if (copy.metadata != null && copy.metadata.labels != null) {
      copy.metadata.labels.remove(PodTemplateHash.LABEL);
      if (copy.metadata.labels.isEmpty()) {
        copy.metadata.labels = null;
      }
    }
    return Json.mapper().valueToTree(copy);
  }

  /** The new ReplicaSet: name and labels carry the template hash; revision = max old + 1. */
  static ReplicaSet newReplicaSet(Deployment d, List<ReplicaSet> old, int replicas) {
    Integer collisions = d.status == null ? null : d.status.collisionCount;
    String hash = PodTemplateHash.of(d.spec().template, collisions);
    PodTemplateSpec template =
        d.spec().template == null
            ? new PodTemplateSpec()
            : Json.copy(d.spec().template, PodTemplateSpec.class);
    if (template.metadata == null) {
      template.metadata = new ObjectMeta();
    }
    Map<String, String> labels =
        template.metadata.labels == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(template.metadata.labels);
    labels.put(PodTemplateHash.LABEL, hash);
    template.metadata.labels = labels;
    ReplicaSet rs = new ReplicaSet();
    rs.meta().name = d.meta().name + "-" + hash;
    rs.meta().namespace = d.meta().namespace;
    rs.meta().labels = new LinkedHashMap<>(labels);
    rs.meta().annotations = new LinkedHashMap<>();
    rs.meta().annotations.put(REVISION, Long.toString(maxRevision(old) + 1));
    rs.meta().annotations.put(DESIRED_REPLICAS, Integer.toString(Rollout.replicas(d)));
    rs.meta()
        .annotations
        .put(MAX_REPLICAS, Integer.toString(Rollout.replicas(d) + Rollout.maxSurge(d)));
    rs.meta().ownerReferences = Owners.listOf(Owners.controllerRef(d));
    rs.spec().replicas = replicas;
    rs.spec().minReadySeconds = d.spec().minReadySeconds;
    LabelSelector selector =
        d.spec().selector == null
            ? new LabelSelector()
            : Json.copy(d.spec().selector, LabelSelector.class);
    Map<String, String> match =
        selector.matchLabels == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(selector.matchLabels);
    match.put(PodTemplateHash.LABEL, hash);
    selector.matchLabels = match;
    rs.spec().selector = selector;
    rs.spec().template = template;
    return rs;
  }

  /**
   * A copy of the new ReplicaSet with revision {@code maxOld + 1} and its former revision appended
   * to its revision history, when its revision is not above every old one; else null.
   */
  static ReplicaSet revised(ReplicaSet newRs, long maxOld) {
    long current = maxRevision(List.of(newRs));
    if (current > maxOld) {
      return null;
    }
    ReplicaSet copy = Json.copy(newRs, ReplicaSet.class);
    Map<String, String> annotations =
        copy.meta().annotations == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(copy.meta().annotations);
    if (current > 0) {
      String history = annotations.get(REVISION_HISTORY);
      annotations.put(
          REVISION_HISTORY,
          history == null || history.isEmpty() ? Long.toString(current) : history + "," + current);
    }
    annotations.put(REVISION, Long.toString(maxOld + 1));
    copy.meta().annotations = annotations;
    return copy;
  }

  static long maxRevision(List<ReplicaSet> sets) {
    long max = 0;
    for (ReplicaSet rs : sets) {
      String r = rs.meta().annotations == null ? null : rs.meta().annotations.get(REVISION);
      try {
        max = Math.max(max, r == null ? 0 : Long.parseLong(r));
      } catch (NumberFormatException e) {
        // not a revision: ignore
      }
    }
    return max;
  }
}

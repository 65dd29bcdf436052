package dev.skiff.server.controller.statefulset;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.apps.StatefulSetSpec;
import dev.skiff.api.model.apps.StatefulSetStatus;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.PersistentVolumeClaimSpec;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.server.controller.history.History;
import dev.skiff.server.controller.replicaset.PodStates;
import dev.skiff.server.controller.support.Owners;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a StatefulSet needs in one pass, pure (Kubernetes' defaultStatefulSetControl): pods {@code
 * <name>-<ordinal>} for the ordinals {@code [start, start+replicas)}, created in ascending order
 * and, under OrderedReady, each only once the one before is Running and Ready; surplus ordinals
 * deleted from the highest (one at a time under OrderedReady); failed pods replaced; with
 * RollingUpdate, pods at ordinals at or above the partition that are not at the update revision
 * deleted from the highest, one at a time, waiting for each replacement to be Ready (OnDelete
 * leaves them). A pod is created at the update revision, or at the current one below the partition.
 * Revisions are ControllerRevisions ({@link History}). Each volumeClaimTemplate {@code T} gives pod
 * {@code P} the volume {@code T} on claim {@code T-P}, planned for creation before the pod when
 * missing; the claim is owned by the StatefulSet only when its retention policy deletes claims with
 * it.
 */
public final class StatefulSetReconciler {
  public static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

  private StatefulSetReconciler() {}

  /** The writes of one pass and the status to report. */
  public record Plan(
      History.Next revision,
      List<PersistentVolumeClaim> createClaims,
      List<Pod> create,
      List<Pod> delete,
      List<ControllerRevision> deleteRevisions,
      StatefulSetStatus status) {}

  /**
   * @param pods the pods the StatefulSet controls (any state)
   * @param revisions the ControllerRevisions it controls
   * @param claims the names of the claims that exist in the StatefulSet's namespace
   */
  public static Plan plan(
      StatefulSet sts,
      List<Pod> pods,
      List<ControllerRevision> revisions,
      Set<String> claims,
      Instant now) {
    StatefulSetSpec spec = sts.spec();
    History.Next next = History.next(sts, spec.template, revisions);
    ControllerRevision update = next.update();
    String currentName = sts.status == null ? null : sts.status.currentRevision;
    ControllerRevision current = History.named(revisions, currentName);
    if (current == null) {
      current = update;
    }
    PodTemplateSpec currentTemplate = History.template(current);
    if (currentTemplate == null) {
      currentTemplate = spec.template;
    }
    int replicas = spec.replicas == null ? 1 : spec.replicas;
    int start = spec.ordinals == null || spec.ordinals.start == null ? 0 : spec.ordinals.start;
    boolean monotonic = !"Parallel".equals(spec.podManagementPolicy);
    boolean rolling = "RollingUpdate".equals(updateType(sts));
    int partition = partition(sts);

    Map<Integer, Pod> byOrdinal = new TreeMap<>();
    for (Pod pod : pods) {
      int ordinal = ordinal(sts, pod);
      if (ordinal >= 0) {
        byOrdinal.put(ordinal, pod);
      }
    }
    List<Pod> create = new ArrayList<>();
    List<Pod> delete = new ArrayList<>();
    walk(
        sts,
        byOrdinal,
        replicas,
        start,
        monotonic,
        rolling,
        partition,
        update,
        current,
        currentTemplate,
        create,
        delete);

    List<String> live = new ArrayList<>(List.of(update.meta().name, current.meta().name));
    pods.forEach(p -> live.add(revisionOf(p)));
    int limit = spec.revisionHistoryLimit == null ? 10 : spec.revisionHistoryLimit;
    List<ControllerRevision> stored = new ArrayList<>(revisions);
    if (next.create()) {
      stored.add(update);
    }
    List<PersistentVolumeClaim> createClaims = new ArrayList<>();
    for (Pod pod : create) {
      for (PersistentVolumeClaim claim : claimsFor(sts, pod.meta().name)) {
        if (!claims.contains(claim.meta().name)) {
          createClaims.add(claim);
        }
      }
    }
    return new Plan(
        next,
        createClaims,
        create,
        delete,
        History.beyondLimit(stored, live, limit),
        status(sts, pods, current.meta().name, update.meta().name, now));
  }

  /** The pod writes of one pass, in Kubernetes' order, stopping where it would wait. */
  private static void walk(
      StatefulSet sts,
      Map<Integer, Pod> byOrdinal,
      int replicas,
      int start,
      boolean monotonic,
      boolean rolling,
      int partition,
      ControllerRevision update,
      ControllerRevision current,
      PodTemplateSpec currentTemplate,
      List<Pod> create,
      List<Pod> delete) {
    for (int ordinal = start; ordinal < start + replicas; ordinal++) {
      Pod pod = byOrdinal.get(ordinal);
      if (pod != null && isFinished(pod) && !isTerminating(pod)) {
        delete.add(pod);
        if (monotonic) {
          return;
        }
        continue;
      }
      if (pod == null) {
        boolean atCurrent = rolling && ordinal < start + partition;
        create.add(
            atCurrent
                ? podFor(sts, ordinal, currentTemplate, current.meta().name)
                : podFor(sts, ordinal, sts.spec().template, update.meta().name));
        if (monotonic) {
          return;
        }
        continue;
      }
      if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod))) {
        return;
      }
    }
    List<Pod> condemned =
        byOrdinal.entrySet().stream()
            .filter(e -> e.getKey() < start || e.getKey() >= start + replicas)
            .sorted(Map.Entry.<Integer, Pod>comparingByKey(Comparator.reverseOrder()))
            .map(Map.Entry::getValue)
            .toList();
    for (Pod pod : condemned) {
      if (isTerminating(pod)) {
        if (monotonic) {
          return;
        }
        continue;
      }
      delete.add(pod);
      if (monotonic) {
        return;
      }
    }
    if (!create.isEmpty() || !delete.isEmpty() || !rolling) {
      return;
    }
    for (int ordinal = start + replicas - 1; ordinal >= start + partition; ordinal--) {
      Pod pod = byOrdinal.get(ordinal);
      if (pod == null) {
        return;
      }
      if (!update.meta().name.equals(revisionOf(pod)) && !isTerminating(pod)) {
        delete.add(pod);
        return;
      }
      if (!isRunningAndReady(pod)) {
        return;
      }
    }
  }

  static StatefulSetStatus status(
      StatefulSet sts, List<Pod> pods, String current, String update, Instant now) {
    int minReady = sts.spec().minReadySeconds == null ? 0 : sts.spec().minReadySeconds;
    StatefulSetStatus s = new StatefulSetStatus();
    s.observedGeneration = sts.meta().generation;
    int created = 0;
    int ready = 0;
    int available = 0;
    int atCurrent = 0;
    int updated = 0;
    for (Pod pod : pods) {
      created++;
      if (isRunningAndReady(pod)) {
        ready++;
        if (PodStates.isAvailable(pod, minReady, now)) {
          available++;
        }
      }
      if (!isTerminating(pod)) {
        String revision = revisionOf(pod);
        atCurrent += current.equals(revision) ? 1 : 0;
        updated += update.equals(revision) ? 1 : 0;
      }
    }
    s.replicas = created;
    s.readyReplicas = ready;
    s.availableReplicas = available;
    s.currentReplicas = atCurrent;
    s.updatedReplicas = updated;
    s.currentRevision = current;
    s.updateRevision = update;
    s.collisionCount = 0;
    if ("RollingUpdate".equals(updateType(sts)) && updated == created && ready == created) {
      s.currentReplicas = updated;
      s.currentRevision = update;
    }
    s.conditions = sts.status == null ? null : sts.status.conditions;
    return s;
  }

  /** Pod {@code <name>-<ordinal>}: hostname and subdomain for per-pod DNS, identity labels. */
  static Pod podFor(StatefulSet sts, int ordinal, PodTemplateSpec template, String revision) {
    Pod pod = PodStates.fromTemplate(sts, template);
    String name = sts.meta().name + "-" + ordinal;
    pod.meta().name = name;
    pod.meta().labels.put(History.HASH_LABEL, revision);
    pod.meta().labels.put(POD_NAME_LABEL, name);
    pod.meta().labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
    pod.spec.hostname = name;
    String service = sts.spec().serviceName;
    if (service != null && !service.isEmpty()) {
      pod.spec.subdomain = service;
    }
    pod.spec.volumes = sts.spec().podVolumes(pod.spec.volumes, name);
    return pod;
  }

  /**
   * The claims of pod {@code podName}, one per volumeClaimTemplate {@code T}: {@code T-podName},
   * labelled with the template's labels and the selector's matchLabels, owned by the StatefulSet
   * when {@code persistentVolumeClaimRetentionPolicy.whenDeleted} is Delete.
   */
  static List<PersistentVolumeClaim> claimsFor(StatefulSet sts, String podName) {
    List<PersistentVolumeClaim> templates = sts.spec().volumeClaimTemplates;
    if (templates == null || templates.isEmpty()) {
      return List.of();
    }
    var retention = sts.spec().persistentVolumeClaimRetentionPolicy;
    boolean owned = retention != null && "Delete".equals(retention.whenDeleted);
    var selector = sts.spec().selector;
    List<PersistentVolumeClaim> claims = new ArrayList<>();
    for (PersistentVolumeClaim template : templates) {
      ObjectMeta from = template.meta();
      PersistentVolumeClaim claim = new PersistentVolumeClaim();
      claim.meta().name = from.name + "-" + podName;
      claim.meta().namespace = sts.meta().namespace;
      claim.meta().labels = new LinkedHashMap<>();
      if (from.labels != null) {
        claim.meta().labels.putAll(from.labels);
      }
      if (selector != null && selector.matchLabels != null) {
        claim.meta().labels.putAll(selector.matchLabels);
      }
      if (from.annotations != null) {
        claim.meta().annotations = new LinkedHashMap<>(from.annotations);
      }
      if (owned) {
        claim.meta().ownerReferences = Owners.listOf(Owners.controllerRef(sts));
      }
      claim.spec = Json.copy(template.spec(), PersistentVolumeClaimSpec.class);
      claims.add(claim);
    }
    return claims;
  }

  /** The ordinal of a pod named {@code <sts>-<n>}, or -1. */
  static int ordinal(StatefulSet sts, Pod pod) {
    String prefix = sts.meta().name + "-";
    String name = pod.meta().name;
    if (name == null || !name.startsWith(prefix)) {
      return -1;
    }
    String digits = name.substring(prefix.length());
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  static String revisionOf(Pod pod) {
    Map<String, String> labels = pod.meta().labels;
    String r = labels == null ? null : labels.get(History.HASH_LABEL);
    return r == null ? "" : r;
  }

  private static String updateType(StatefulSet sts) {
    return sts.spec().updateStrategy == null ? null : sts.spec().updateStrategy.type;
  }

  private static int partition(StatefulSet sts) {
    var st = sts.spec().updateStrategy;
    return st == null || st.rollingUpdate == null || st.rollingUpdate.partition == null
        ? 0
        : st.rollingUpdate.partition;
  }

  private static boolean isTerminating(Pod pod) {
    return pod.meta().deletionTimestamp != null;
  }

  private static boolean isFinished(Pod pod) {
    String phase = pod.status == null ? null : pod.status.phase;
    return "Failed".equals(phase) || "Succeeded".equals(phase);
  }

  static boolean isRunningAndReady(Pod pod) {
    return pod.status != null && "Running".equals(pod.status.phase) && PodStates.isReady(pod);
  }
}

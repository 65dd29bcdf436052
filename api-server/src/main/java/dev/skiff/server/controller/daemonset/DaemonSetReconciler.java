package dev.skiff.server.controller.daemonset;

import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.DaemonSetSpec;
import dev.skiff.api.model.apps.DaemonSetStatus;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Toleration;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.server.controller.history.History;
import dev.skiff.server.controller.replicaset.PodStates;
import dev.skiff.server.controller.scheduler.NodeFit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a DaemonSet needs in one pass, pure (Kubernetes' daemon controller): one pod on every node
 * whose labels match the template's nodeSelector and whose NoSchedule/NoExecute taints it tolerates
 * (none elsewhere, none on nodes that are gone; a pod on a node that gained a NoSchedule taint
 * stays, counted as misscheduled), failed pods replaced, surplus pods on a node deleted; with
 * RollingUpdate, pods of an older template deleted so that at most {@code maxUnavailable} nodes
 * lack an available pod (old pods that are not available go first, for free). Pods are bound to
 * their node at creation ({@code spec.nodeName}) and carry the tolerations Kubernetes adds to
 * daemon pods.
 */
public final class DaemonSetReconciler {
  public static final String TEMPLATE_GENERATION_LABEL = "pod-template-generation";

  private static final String[][] DAEMON_TOLERATIONS = {
    {"node.kubernetes.io/not-ready", "NoExecute"},
    {"node.kubernetes.io/unreachable", "NoExecute"},
    {"node.kubernetes.io/disk-pressure", "NoSchedule"},
    {"node.kubernetes.io/memory-pressure", "NoSchedule"},
    {"node.kubernetes.io/pid-pressure", "NoSchedule"},
    {"node.kubernetes.io/unschedulable", "NoSchedule"},
  };

  private DaemonSetReconciler() {}

  /** The writes of one pass and the status to report. */
  public record Plan(
      History.Next revision,
      List<Pod> create,
      List<Pod> delete,
      List<ControllerRevision> deleteRevisions,
      DaemonSetStatus status) {}

  public static Plan plan(
      DaemonSet ds,
      List<Pod> pods,
      List<Node> nodes,
      List<ControllerRevision> revisions,
      Instant now) {
    DaemonSetSpec spec = ds.spec();
    History.Next next = History.next(ds, spec.template, revisions);
    String hash = History.hash(spec.template);
    int minReady = spec.minReadySeconds == null ? 0 : spec.minReadySeconds;
    Map<String, List<Pod>> byNode = new LinkedHashMap<>();
    Set<String> terminatingOn = new HashSet<>();
    List<Pod> create = new ArrayList<>();
    List<Pod> delete = new ArrayList<>();
    Set<String> nodeNames = new HashSet<>();
    nodes.forEach(n -> nodeNames.add(n.meta().name));
    for (Pod pod : pods) {
      String node = pod.spec == null ? null : pod.spec.nodeName;
      if (pod.meta().deletionTimestamp != null) {
        terminatingOn.add(node);
      } else if (node == null || !nodeNames.contains(node) || isFailed(pod)) {
        delete.add(pod);
        terminatingOn.add(node);
      } else {
        byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(pod);
      }
    }
    Pod probe = podFor(ds, null, hash);
    Map<String, Pod> daemonOf = new LinkedHashMap<>();
    int misscheduled = 0;
    for (Node node : nodes) {
      String name = node.meta().name;
      List<Pod> on = byNode.getOrDefault(name, List.of());
      if (!NodeFit.runsDaemon(probe, node, false)) {
        misscheduled += on.isEmpty() ? 0 : 1;
        if (!NodeFit.runsDaemon(probe, node, true)) {
          delete.addAll(on);
        }
        continue;
      }
      daemonOf.put(name, null);
      if (on.isEmpty()) {
        if (!terminatingOn.contains(name)) {
          create.add(podFor(ds, name, hash));
        }
        continue;
      }
      List<Pod> sorted =
          on.stream()
              .sorted(
                  Comparator.comparing(
                      (Pod p) ->
                          p.meta().creationTimestamp == null ? "" : p.meta().creationTimestamp))
              .toList();
      daemonOf.put(name, sorted.get(0));
      delete.addAll(sorted.subList(1, sorted.size()));
    }
    if (isRollingUpdate(ds)) {
      rollingUpdate(ds, daemonOf, hash, minReady, now, delete);
    }
    List<String> live = new ArrayList<>(List.of(next.update().meta().name));
    int limit = spec.revisionHistoryLimit == null ? 10 : spec.revisionHistoryLimit;
    List<ControllerRevision> stored = new ArrayList<>(revisions);
    if (next.create()) {
      stored.add(next.update());
    }
    for (ControllerRevision r : stored) {
      String h = r.meta().labels == null ? null : r.meta().labels.get(History.HASH_LABEL);
      if (pods.stream().anyMatch(p -> h != null && h.equals(hashOf(p)))) {
        live.add(r.meta().name);
      }
    }
    return new Plan(
        next,
        create,
        delete,
        History.beyondLimit(stored, live, limit),
        status(ds, daemonOf, misscheduled, hash, minReady, now));
  }

  private static void rollingUpdate(
      DaemonSet ds,
      Map<String, Pod> daemonOf,
      String hash,
      int minReady,
      Instant now,
      List<Pod> delete) {
    int desired = daemonOf.size();
    var ru = ds.spec().updateStrategy.rollingUpdate;
    IntOrString max =
        ru == null || ru.maxUnavailable == null ? IntOrString.of(1) : ru.maxUnavailable;
    int maxUnavailable = Math.max(max.scaledValue(desired, true), 1);
    int unavailable = 0;
    for (Pod pod : daemonOf.values()) {
      if (pod == null || delete.contains(pod) || !PodStates.isAvailable(pod, minReady, now)) {
        unavailable++;
      }
    }
    for (Pod pod : daemonOf.values()) {
      if (pod == null || hash.equals(hashOf(pod)) || delete.contains(pod)) {
        continue;
      }
      if (!PodStates.isAvailable(pod, minReady, now)) {
        delete.add(pod);
      } else if (unavailable < maxUnavailable) {
        delete.add(pod);
        unavailable++;
      }
    }
  }

  static DaemonSetStatus status(
      DaemonSet ds,
      Map<String, Pod> daemonOf,
      int misscheduled,
      String hash,
      int minReady,
      Instant now) {
    DaemonSetStatus s = new DaemonSetStatus();
    int current = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    for (Pod pod : daemonOf.values()) {
      if (pod == null) {
        continue;
      }
      current++;
      ready += PodStates.isReady(pod) ? 1 : 0;
      available += PodStates.isAvailable(pod, minReady, now) ? 1 : 0;
      updated += hash.equals(hashOf(pod)) ? 1 : 0;
    }
    s.desiredNumberScheduled = daemonOf.size();
    s.currentNumberScheduled = current;
    s.numberMisscheduled = misscheduled;
    s.numberReady = ready;
    s.numberAvailable = available;
    s.numberUnavailable = daemonOf.size() - available;
    s.updatedNumberScheduled = updated;
    s.observedGeneration = ds.meta().generation;
    s.conditions = ds.status == null ? null : ds.status.conditions;
    return s;
  }

  /** A daemon pod for {@code node} (null: a probe for node fit), with the daemon tolerations. */
  static Pod podFor(DaemonSet ds, String node, String hash) {
    Pod pod = PodStates.fromTemplate(ds, ds.spec().template);
    pod.meta().generateName = ds.meta().name + "-";
    pod.meta().labels.put(History.HASH_LABEL, hash);
    pod.meta()
        .labels
        .put(
            TEMPLATE_GENERATION_LABEL,
            Long.toString(ds.meta().generation == null ? 1 : ds.meta().generation));
    pod.spec.nodeName = node;
    List<Toleration> tolerations =
        pod.spec.tolerations == null ? new ArrayList<>() : new ArrayList<>(pod.spec.tolerations);
    for (String[] t : DAEMON_TOLERATIONS) {
      boolean present =
          tolerations.stream()
              .anyMatch(
                  x -> t[0].equals(x.key) && t[1].equals(x.effect) && "Exists".equals(x.operator));
      if (!present) {
        Toleration tol = new Toleration();
        tol.key = t[0];
        tol.operator = "Exists";
        tol.effect = t[1];
        tolerations.add(tol);
      }
    }
    pod.spec.tolerations = tolerations;
    return pod;
  }

  static String hashOf(Pod pod) {
    return pod.meta().labels == null ? null : pod.meta().labels.get(History.HASH_LABEL);
  }

  private static boolean isRollingUpdate(DaemonSet ds) {
    return ds.spec().updateStrategy != null
        && "RollingUpdate".equals(ds.spec().updateStrategy.type);
  }

  private static boolean isFailed(Pod pod) {
    return pod.status != null && "Failed".equals(pod.status.phase);
  }
}

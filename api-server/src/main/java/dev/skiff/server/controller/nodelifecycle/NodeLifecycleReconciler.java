package dev.skiff.server.controller.nodelifecycle;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.meta.Times;
import dev.skiff.server.controller.endpoints.ServiceMembers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a node that stopped heartbeating, pure (the node lifecycle controller): after the
 * grace period its conditions become Unknown and its pods Ready=False (so they leave the
 * endpoints); once it has been Unknown for the eviction timeout its pods are deleted, so their
 * owners replace them elsewhere.
 */
public final class NodeLifecycleReconciler {
  private NodeLifecycleReconciler() {}

  /**
   * @param markUnknown set the node's conditions to Unknown
   * @param markNotReady pods to set Ready=False
   * @param evict pods to delete
   * @param recheckAfter when to look at this node again
   */
  public record Decision(
      boolean markUnknown, List<Pod> markNotReady, List<Pod> evict, Duration recheckAfter) {}

  /**
   * @param lastHeartbeat when this controller last saw the node's heartbeat change
   */
  public static Decision decide(
      Node node,
      Instant lastHeartbeat,
      List<Pod> podsOnNode,
      Instant now,
      NodeLifecycleOptions options) {
    Instant staleAt = lastHeartbeat.plus(options.gracePeriod());
    if (now.isBefore(staleAt)) {
      return new Decision(false, List.of(), List.of(), Duration.between(now, staleAt));
    }
    NodeCondition ready = readyCondition(node);
    boolean alreadyUnknown = ready != null && "Unknown".equals(ready.status);
    Instant unknownSince =
        alreadyUnknown && Times.parse(ready.lastTransitionTime) != null
            ? Times.parse(ready.lastTransitionTime)
            : now;
    List<Pod> notReady = new ArrayList<>();
    List<Pod> evict = new ArrayList<>();
    Instant evictAt = unknownSince.plus(options.evictionTimeout());
    boolean evicting = !now.isBefore(evictAt);
    for (Pod pod : podsOnNode) {
      if (ServiceMembers.isTerminal(pod)) {
        continue;
      }
      if (evicting) {
        evict.add(pod);
      } else if (!podReadyFalse(pod)) {
        notReady.add(pod);
      }
    }
    Duration recheck = evicting ? options.monitorPeriod() : Duration.between(now, evictAt);
    return new Decision(!alreadyUnknown, notReady, evict, recheck);
  }

  static NodeCondition readyCondition(Node node) {
    if (node.status == null || node.status.conditions == null) {
      return null;
    }
    return node.status.conditions.stream()
        .filter(c -> "Ready".equals(c.type))
        .findFirst()
        .orElse(null);
  }

  private static boolean podReadyFalse(Pod pod) {
    if (pod.status == null || pod.status.conditions == null) {
      return false;
    }
    for (PodCondition c : pod.status.conditions) {
      if ("Ready".equals(c.type)) {
        return "False".equals(c.status);
      }
    }
    return false;
  }

  /** Every condition Unknown (Ready added if the node never posted one). */
  public static void markUnknown(Node node, Instant now) {
    String at = Times.time(now);
    List<NodeCondition> conditions =
        node.status().conditions == null ? new ArrayList<>() : node.status.conditions;
    if (readyCondition(node) == null) {
      NodeCondition c = new NodeCondition();
      c.type = "Ready";
      c.status = "Unknown";
      c.reason = "NodeStatusNeverUpdated";
      c.message = "Kubelet never posted node status.";
      c.lastTransitionTime = at;
      conditions.add(c);
    }
    for (NodeCondition c : conditions) {
      if (!"Unknown".equals(c.status)) {
        c.status = "Unknown";
        c.reason = "NodeStatusUnknown";
        c.message = "Kubelet stopped posting node status.";
        c.lastTransitionTime = at;
      }
    }
    node.status.conditions = conditions;
  }

  /** MarkPodsNotReady: the pod's Ready condition False. */
  public static void markNotReady(Pod pod, Instant now) {
    List<PodCondition> conditions =
        pod.status().conditions == null ? new ArrayList<>() : pod.status.conditions;
    PodCondition ready =
        conditions.stream().filter(c -> "Ready".equals(c.type)).findFirst().orElse(null);
    if (ready == null) {
      ready = new PodCondition();
      ready.type = "Ready";
      conditions.add(ready);
    }
    ready.status = "False";
    ready.reason = "NodeNotReady";
    ready.message = "the node stopped posting status";
    ready.lastTransitionTime = Times.time(now);
    pod.status.conditions = conditions;
  }
}

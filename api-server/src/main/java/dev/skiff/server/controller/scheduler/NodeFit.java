package dev.skiff.server.controller.scheduler;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Readiness;
import dev.skiff.api.model.core.Taint;
import dev.skiff.api.model.core.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scheduler's filters (a small subset of kube-scheduler's plugins): node Ready and schedulable,
 * taints tolerated, nodeSelector matched, host ports free. Each returns the reason a node is unfit,
 * in kube-scheduler's words, or null when it fits.
 */
public final class NodeFit {
  private NodeFit() {}

  /**
   * Whether a daemon pod belongs on {@code node} (the DaemonSet controller's
   * NodeShouldRunDaemonPod): its nodeSelector matches and it tolerates the node's taints; a pod
   * already there ({@code running}) only needs to tolerate the NoExecute ones. Readiness and
   * cordoning do not matter, as daemon pods tolerate them.
   */
  public static boolean runsDaemon(Pod pod, Node node, boolean running) {
    if (!matchesSelector(pod, node)) {
      return false;
    }
    if (node.spec().taints == null) {
      return true;
    }
    for (Taint t : node.spec().taints) {
      boolean blocks = "NoExecute".equals(t.effect) || (!running && "NoSchedule".equals(t.effect));
      if (blocks && !tolerates(pod, t)) {
        return false;
      }
    }
    return true;
  }

  static String unfit(Pod pod, Node node, List<Pod> podsOnNode) {
    if (!isReady(node)) {
      return "node(s) were not ready";
    }
    if (Boolean.TRUE.equals(node.spec().unschedulable) && !tolerates(pod, unschedulableTaint())) {
      return "node(s) were unschedulable";
    }
    Taint taint = untoleratedTaint(pod, node);
    if (taint != null) {
      return "node(s) had untolerated taint {"
          + taint.key
          + ": "
          + (taint.value == null ? "" : taint.value)
          + "}";
    }
    if (!matchesSelector(pod, node)) {
      return "node(s) didn't match Pod's node affinity/selector";
    }
    if (!hostPortsFree(pod, podsOnNode)) {
      return "node(s) didn't have free ports for the requested pod ports";
    }
    return null;
  }

  static boolean isReady(Node node) {
    return Readiness.isReady(node);
  }

  private static boolean matchesSelector(Pod pod, Node node) {
    Map<String, String> selector = pod.spec().nodeSelector;
    if (selector == null || selector.isEmpty()) {
      return true;
    }
    Map<String, String> labels = node.meta().labels == null ? Map.of() : node.meta().labels;
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static Taint untoleratedTaint(Pod pod, Node node) {
    if (node.spec().taints == null) {
      return null;
    }
    for (Taint t : node.spec().taints) {
      boolean blocks = "NoSchedule".equals(t.effect) || "NoExecute".equals(t.effect);
      if (blocks && !tolerates(pod, t)) {
        return t;
      }
    }
    return null;
  }

  /** Toleration.ToleratesTaint for any of the pod's tolerations. */
  private static boolean tolerates(Pod pod, Taint taint) {
    List<Toleration> tolerations = pod.spec().tolerations;
    if (tolerations == null) {
      return false;
    }
    for (Toleration t : tolerations) {
      if (t.effect != null && !t.effect.isEmpty() && !t.effect.equals(taint.effect)) {
        continue;
      }
      if (t.key != null && !t.key.isEmpty() && !t.key.equals(taint.key)) {
        continue;
      }
      if ("Exists".equals(t.operator)
          || Objects.equals(
              t.value == null ? "" : t.value, taint.value == null ? "" : taint.value)) {
        return true;
      }
    }
    return false;
  }

  private static Taint unschedulableTaint() {
    Taint t = new Taint();
    t.key = "node.kubernetes.io/unschedulable";
    t.effect = "NoSchedule";
    return t;
  }

  /** Host ports the pod asks for: "protocol/port/hostIP". */
  static List<String[]> hostPorts(Pod pod) {
    List<String[]> out = new ArrayList<>();
    List<Container> containers = pod.spec == null ? null : pod.spec.containers;
    if (containers == null) {
      return out;
    }
    for (Container c : containers) {
      if (c.ports == null) {
        continue;
      }
      for (ContainerPort p : c.ports) {
        if (p.hostPort != null && p.hostPort > 0) {
          String ip = p.hostIP == null || p.hostIP.isEmpty() ? "0.0.0.0" : p.hostIP;
          out.add(
              new String[] {p.protocol == null ? "TCP" : p.protocol, p.hostPort.toString(), ip});
        }
      }
    }
    return out;
  }

  private static boolean hostPortsFree(Pod pod, List<Pod> podsOnNode) {
    List<String[]> wanted = hostPorts(pod);
    if (wanted.isEmpty()) {
      return true;
    }
    for (Pod other : podsOnNode) {
      for (String[] used : hostPorts(other)) {
        for (String[] want : wanted) {
          boolean sameIp =
              used[2].equals(want[2]) || "0.0.0.0".equals(used[2]) || "0.0.0.0".equals(want[2]);
          if (used[0].equals(want[0]) && used[1].equals(want[1]) && sameIp) {
            return false;
          }
        }
      }
    }
    return true;
  }
}

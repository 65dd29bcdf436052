package dev.skiff.server.controller.scheduler;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.OwnerReference;
import dev.skiff.server.controller.support.Owners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where one pod should run, pure: filter the nodes ({@link NodeFit}), then prefer the node with the
 * fewest pods of the same owner (spreading replicas), then the fewest pods, then the name. When no
 * node fits, the reason in kube-scheduler's form: {@code 0/3 nodes are available: 1 node(s) were
 * not ready, 2 node(s) didn't match Pod's node affinity/selector.}
 */
public final class Scheduling {
  private Scheduling() {}

  /** The chosen node, or null with the reason nothing fits. */
  public record Decision(String node, String reason) {
    public boolean scheduled() {
      return node != null;
    }
  }

  /**
   * @param podsByNode the pods bound (or assumed) to each node, terminal pods excluded
   */
  public static Decision decide(Pod pod, List<Node> nodes, Map<String, List<Pod>> podsByNode) {
    return decide(pod, nodes, podsByNode, node -> null);
  }

  /**
   * @param extra one more filter: why a node is unfit, or null (the pod's volumes, say)
   */
  static Decision decide(
      Pod pod,
      List<Node> nodes,
      Map<String, List<Pod>> podsByNode,
      java.util.function.Function<Node, String> extra) {
    if (nodes.isEmpty()) {
      return new Decision(null, "no nodes available to schedule pods");
    }
    Map<String, Integer> reasons = new TreeMap<>();
    List<Node> fit = new ArrayList<>();
    for (Node node : nodes) {
      List<Pod> on = podsByNode.getOrDefault(node.meta().name, List.of());
      String why = NodeFit.unfit(pod, node, on);
      if (why == null) {
        why = extra.apply(node);
      }
      if (why == null) {
        fit.add(node);
      } else {
        reasons.merge(why, 1, Integer::sum);
      }
    }
    if (fit.isEmpty()) {
      List<String> counted = new ArrayList<>();
      reasons.forEach((why, count) -> counted.add(count + " " + why));
      counted.sort(null);
      return new Decision(
          null, "0/" + nodes.size() + " nodes are available: " + String.join(", ", counted) + ".");
    }
    OwnerReference owner = Owners.controllerOf(pod);
    Comparator<Node> order =
        Comparator.<Node>comparingInt(
                n -> sameOwner(owner, podsByNode.getOrDefault(n.meta().name, List.of())))
            .thenComparingInt(n -> podsByNode.getOrDefault(n.meta().name, List.of()).size())
            .thenComparing(n -> n.meta().name);
    return new Decision(fit.stream().min(order).orElseThrow().meta().name, null);
  }

  private static int sameOwner(OwnerReference owner, List<Pod> pods) {
    if (owner == null) {
      return 0;
    }
    int count = 0;
    for (Pod p : pods) {
      OwnerReference o = Owners.controllerOf(p);
      if (o != null && Objects.equals(o.uid, owner.uid)) {
        count++;
      }
    }
    return count;
  }
}

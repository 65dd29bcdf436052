package dev.skiff.server.controller.daemonset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.core.Taint;
import dev.skiff.api.testing.ApiObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonSetReconcilerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");

  private final List<Pod> pods = new ArrayList<>();
  private final List<ControllerRevision> revisions = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private int created;

  static DaemonSet ds(String nodeSelector, String maxUnavailable) {
    return Json.parse(
        """
        {"apiVersion":"apps/v1","kind":"DaemonSet",
         "metadata":{"name":"agent","namespace":"default","uid":"ds-uid","generation":1},
         "spec":{"revisionHistoryLimit":10,
          "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":%s,"maxSurge":0}},
          "selector":{"matchLabels":{"app":"agent"}},
          "template":{"metadata":{"labels":{"app":"agent"}},
           "spec":{"nodeSelector":%s,"containers":[{"name":"c","image":"i"}]}}}}
        """
            .formatted(maxUnavailable, nodeSelector),
        DaemonSet.class);
  }

  private Node node(String name, Map<String, String> labels) {
    Node n = new Node();
    n.meta().name = name;
    n.meta().labels = new LinkedHashMap<>(labels);
    nodes.add(n);
    return n;
  }

  private DaemonSetReconciler.Plan pass(DaemonSet ds, boolean newPodsReady) {
    DaemonSetReconciler.Plan plan = DaemonSetReconciler.plan(ds, pods, nodes, revisions, NOW);
    if (plan.revision().write() != null) {
      revisions.removeIf(r -> r.meta().name.equals(plan.revision().write().meta().name));
      revisions.add(plan.revision().write());
    }
    pods.removeAll(plan.delete());
    for (Pod p : plan.create()) {
      created++;
      p.meta().name = "agent-" + created;
      p.meta().creationTimestamp = "2025-01-01T00:00:0" + (created % 10) + "Z";
      p.status().phase = "Running";
      PodCondition ready = ApiObjects.readyCondition(newPodsReady);
      p.status().conditions = new ArrayList<>(List.of(ready));
      pods.add(p);
    }
    ds.status = plan.status();
    return plan;
  }

  private List<String> nodesOf(List<Pod> list) {
    return list.stream().map(p -> p.spec.nodeName).sorted().toList();
  }

  @Test
  void runsOnePodOnEveryNodeBoundToItWithTheDaemonTolerations() {
    node("n1", Map.of());
    node("n2", Map.of());
    DaemonSet ds = ds("null", "1");
    DaemonSetReconciler.Plan plan = pass(ds, true);
    assertThat(nodesOf(plan.create())).containsExactly("n1", "n2");
    Pod pod = plan.create().get(0);
    assertThat(pod.meta().generateName).isEqualTo("agent-");
    assertThat(pod.meta().labels)
        .containsEntry("app", "agent")
        .containsEntry("pod-template-generation", "1")
        .containsKey("controller-revision-hash");
    assertThat(pod.spec.tolerations)
        .extracting(t -> t.key + ":" + t.effect)
        .contains(
            "node.kubernetes.io/not-ready:NoExecute",
            "node.kubernetes.io/unschedulable:NoSchedule");
    assertThat(pass(ds, true).create()).isEmpty();
    assertThat(ds.status.desiredNumberScheduled).isEqualTo(2);
    assertThat(ds.status.currentNumberScheduled).isEqualTo(2);
    assertThat(ds.status.numberReady).isEqualTo(2);
    assertThat(ds.status.updatedNumberScheduled).isEqualTo(2);
    assertThat(ds.status.numberAvailable).isEqualTo(2);
    assertThat(ds.status.numberUnavailable).isZero();

    node("n3", Map.of());
    assertThat(nodesOf(pass(ds, true).create())).as("a node that joins").containsExactly("n3");
    nodes.remove(0);
    assertThat(nodesOf(pass(ds, true).delete())).as("a node that left").containsExactly("n1");
  }

  @Test
  void followsTheNodeSelectorAndTaints() {
    Node n1 = node("n1", Map.of("disk", "ssd"));
    Node n2 = node("n2", Map.of());
    DaemonSet ds = ds("{\"disk\":\"ssd\"}", "1");
    assertThat(nodesOf(pass(ds, true).create())).containsExactly("n1");
    assertThat(ds.status.desiredNumberScheduled).isEqualTo(1);

    n2.meta().labels.put("disk", "ssd");
    assertThat(nodesOf(pass(ds, true).create())).containsExactly("n2");

    Taint noSchedule = new Taint();
    noSchedule.key = "k";
    noSchedule.value = "v";
    noSchedule.effect = "NoSchedule";
    n2.spec().taints = List.of(noSchedule);
    DaemonSetReconciler.Plan kept = pass(ds, true);
    assertThat(kept.delete()).as("a running pod stays on a NoSchedule node").isEmpty();
    pass(ds, true);
    assertThat(ds.status.numberMisscheduled).isEqualTo(1);
    assertThat(ds.status.desiredNumberScheduled).isEqualTo(1);

    Taint noExecute = new Taint();
    noExecute.key = "k";
    noExecute.effect = "NoExecute";
    n2.spec().taints = List.of(noExecute);
    assertThat(nodesOf(pass(ds, true).delete())).containsExactly("n2");

    n1.meta().labels.remove("disk");
    assertThat(nodesOf(pass(ds, true).delete())).containsExactly("n1");
  }

  @Test
  void rollingUpdateReplacesAtMostMaxUnavailableAtATime() {
    node("n1", Map.of());
    node("n2", Map.of());
    node("n3", Map.of());
    DaemonSet ds = ds("null", "1");
    pass(ds, true);
    String before = pods.get(0).meta().labels.get("controller-revision-hash");
    EnvVar env = new EnvVar();
    env.name = "V";
    env.value = "2";
    ds.spec.template.spec.containers.get(0).env = List.of(env);
    ds.meta().generation = 2L;
    assertThat(pass(ds, false).delete()).hasSize(1);
    assertThat(revisions).hasSize(2);
    assertThat(pass(ds, false).create()).hasSize(1);
    assertThat(pass(ds, false).delete()).as("the new pod is not available yet").isEmpty();
    pods.forEach(p -> p.status.conditions = List.of(ApiObjects.readyCondition(true)));
    assertThat(pass(ds, true).delete()).hasSize(1);
    pass(ds, true);
    assertThat(pass(ds, true).delete()).hasSize(1);
    pass(ds, true);
    pass(ds, true);
    assertThat(pods).hasSize(3);
    assertThat(pods).noneMatch(p -> before.equals(p.meta().labels.get("controller-revision-hash")));
    assertThat(pods).allMatch(p -> "2".equals(p.meta().labels.get("pod-template-generation")));
    assertThat(ds.status.updatedNumberScheduled).isEqualTo(3);
  }

  @Test
  void failedPodsAndExtraPodsOnANodeAreDeleted() {
    node("n1", Map.of());
    DaemonSet ds = ds("null", "1");
    pass(ds, true);
    Pod extra = Json.copy(pods.get(0), Pod.class);
    extra.meta().name = "agent-extra";
    extra.meta().creationTimestamp = "2025-01-01T00:05:00Z";
    pods.add(extra);
    assertThat(pass(ds, true).delete())
        .extracting(p -> p.meta().name)
        .containsExactly("agent-extra");
    pods.get(0).status.phase = "Failed";
    assertThat(pass(ds, true).delete()).hasSize(1);
    assertThat(nodesOf(pass(ds, true).create())).containsExactly("n1");
  }
}

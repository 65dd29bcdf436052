package dev.skiff.server.controller.scheduler;

import static dev.skiff.api.testing.ApiObjects.labels;
import static dev.skiff.server.controller.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Taint;
import dev.skiff.server.controller.FakeKubelet;
import dev.skiff.server.controller.TestObjects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulingTest {
  private static Node node(String name, String... labels) {
    return FakeKubelet.node(name, labels(labels));
  }

  private static Pod pending(String name) {
    Pod pod = pod(name, null, false, labels("app", "web"));
    pod.spec.nodeName = null;
    pod.status = null;
    return pod;
  }

  private static ReplicaSet owner() {
    ReplicaSet rs = new ReplicaSet();
    rs.meta().name = "web-1";
    rs.meta().uid = "rs-uid";
    return rs;
  }

  @Test
  void replicasOfOneOwnerSpreadAcrossNodes() {
    Map<String, List<Pod>> byNode = new HashMap<>();
    List<Node> nodes = List.of(node("a"), node("b"), node("c"));
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Pod pod = TestObjects.ownedBy(pending("p" + i), owner());
      String n = Scheduling.decide(pod, nodes, byNode).node();
      pod.spec.nodeName = n;
      byNode.computeIfAbsent(n, k -> new ArrayList<>()).add(pod);
      chosen.add(n);
    }
    assertThat(chosen).containsExactly("a", "b", "c", "a", "b", "c");
  }

  @Test
  void nodeSelectorIsHonoured() {
    Pod pod = pending("p");
    pod.spec.nodeSelector = Map.of("disk", "ssd");
    var d = Scheduling.decide(pod, List.of(node("a"), node("b", "disk", "ssd")), Map.of());
    assertThat(d.node()).isEqualTo("b");
  }

  @Test
  void unschedulablePodsGetKubeSchedulerStyleReasons() {
    Pod pod = pending("p");
    pod.spec.nodeSelector = Map.of("disk", "ssd");
    Node notReady = node("c", "disk", "ssd");
    notReady.status.conditions.get(0).status = "False";
    Node cordoned = node("d", "disk", "ssd");
    cordoned.spec().unschedulable = true;
    var d = Scheduling.decide(pod, List.of(node("a"), node("b"), notReady, cordoned), Map.of());
    assertThat(d.scheduled()).isFalse();
    assertThat(d.reason())
        .isEqualTo(
            "0/4 nodes are available: 1 node(s) were not ready, 1 node(s) were unschedulable, "
                + "2 node(s) didn't match Pod's node affinity/selector.");
    assertThat(Scheduling.decide(pod, List.of(), Map.of()).reason())
        .isEqualTo("no nodes available to schedule pods");
  }

  @Test
  void hostPortConflictsCount() {
    Pod first = pending("first");
    ContainerPort hp = new ContainerPort();
    hp.containerPort = 80;
    hp.hostPort = 8080;
    first.spec.containers.get(0).ports.add(hp);
    first.spec.nodeName = "a";
    Pod second = TestObjects.copy(first, Pod.class);
    second.meta().name = "second";
    second.spec.nodeName = null;
    var d = Scheduling.decide(second, List.of(node("a"), node("b")), Map.of("a", List.of(first)));
    assertThat(d.node()).isEqualTo("b");
    var none = Scheduling.decide(second, List.of(node("a")), Map.of("a", List.of(first)));
    assertThat(none.reason())
        .isEqualTo(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");
  }

  @Test
  void untoleratedTaintsKeepPodsAwayAndTolerationsLetThemIn() {
    Node tainted = node("a");
    Taint t = new Taint();
    t.key = "dedicated";
    t.value = "db";
    t.effect = "NoSchedule";
    tainted.spec().taints = List.of(t);
    Pod pod = pending("p");
    assertThat(Scheduling.decide(pod, List.of(tainted), Map.of()).reason())
        .isEqualTo("0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: db}.");
    var toleration = new dev.skiff.api.model.core.Toleration();
    toleration.key = "dedicated";
    toleration.operator = "Equal";
    toleration.value = "db";
    pod.spec.tolerations = List.of(toleration);
    assertThat(Scheduling.decide(pod, List.of(tainted), Map.of()).node()).isEqualTo("a");
  }
}

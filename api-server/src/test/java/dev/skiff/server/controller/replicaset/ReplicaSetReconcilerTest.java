package dev.skiff.server.controller.replicaset;

import static dev.skiff.api.testing.ApiObjects.labels;
import static dev.skiff.server.controller.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.controller.TestObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaSetReconcilerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");

  static ReplicaSet rs(int replicas) {
    return Json.parse(
        """
        {"apiVersion":"apps/v1","kind":"ReplicaSet",
         "metadata":{"name":"web-abc","namespace":"default","uid":"rs-uid","generation":4},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"web"}},
          "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}
        """
            .formatted(replicas),
        ReplicaSet.class);
  }

  static List<Pod> pods(ReplicaSet rs, int ready, int notReady) {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < ready + notReady; i++) {
      pods.add(
          TestObjects.ownedBy(
              pod("p" + i, "127.1.0." + (i + 1), i < ready, labels("app", "web")), rs));
    }
    return pods;
  }

  /** Desired replicas vs actual pods -> creations, deletions. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(3, 0, 0, 3, 0),
        Arguments.of(3, 3, 0, 0, 0),
        Arguments.of(3, 2, 2, 0, 1),
        Arguments.of(0, 2, 0, 0, 2),
        Arguments.of(1, 1, 0, 0, 0));
  }

  @ParameterizedTest(name = "want {0}, have {1} ready + {2} not ready: create {3}, delete {4}")
  @MethodSource("cases")
  void keepsTheDesiredNumberOfActivePods(
      int replicas, int ready, int notReady, int create, int delete) {
    ReplicaSet rs = rs(replicas);
    var plan = ReplicaSetReconciler.plan(rs, pods(rs, ready, notReady), NOW);
    assertThat(plan.create()).isEqualTo(create);
    assertThat(plan.delete()).hasSize(delete);
  }

  @Test
  void surplusNotReadyPodsAreDeletedBeforeReadyOnes() {
    ReplicaSet rs = rs(2);
    var plan = ReplicaSetReconciler.plan(rs, pods(rs, 2, 1), NOW);
    assertThat(plan.delete()).extracting(p -> p.meta().name).containsExactly("p2");
  }

  @Test
  void deletingAndFinishedPodsDoNotCount() {
    ReplicaSet rs = rs(2);
    List<Pod> pods = pods(rs, 2, 0);
    pods.get(0).meta().deletionTimestamp = "2025-01-01T00:09:00Z";
    pods.get(1).status.phase = "Failed";
    var plan = ReplicaSetReconciler.plan(rs, pods, NOW);
    assertThat(plan.create()).isEqualTo(2);
    assertThat(plan.status().replicas).isZero();
  }

  @Test
  void statusCountsReadyAndAvailablePodsAndTheGeneration() {
    ReplicaSet rs = rs(3);
    rs.spec().minReadySeconds = 600;
    List<Pod> pods = pods(rs, 2, 1);
    pods.get(1).status.conditions.get(0).lastTransitionTime = "2025-01-01T00:09:59Z";
    var status = ReplicaSetReconciler.plan(rs, pods, NOW).status();
    assertThat(status.replicas).isEqualTo(3);
    assertThat(status.readyReplicas).isEqualTo(2);
    assertThat(status.availableReplicas).isEqualTo(1);
    assertThat(status.fullyLabeledReplicas).isEqualTo(3);
    assertThat(status.observedGeneration).isEqualTo(4L);
  }

  @Test
  void newPodsCarryTheTemplateAndAControllerReference() {
    Pod pod = ReplicaSetReconciler.podFor(rs(1));
    assertThat(pod.meta().generateName).isEqualTo("web-abc-");
    assertThat(pod.meta().labels).containsEntry("app", "web");
    assertThat(pod.meta().ownerReferences.get(0).uid).isEqualTo("rs-uid");
    assertThat(pod.meta().ownerReferences.get(0).controller).isTrue();
    assertThat(pod.spec.containers.get(0).image).isEqualTo("i");
  }
}

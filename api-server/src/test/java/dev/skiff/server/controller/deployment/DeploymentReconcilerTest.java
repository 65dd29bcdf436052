package dev.skiff.server.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.ReplicaSetStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentReconcilerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");

  static Deployment deployment(int replicas, String image, String strategy) {
    return Json.parse(
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","uid":"d-uid","generation":2},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"web"}},%s
          "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"%s"}]}}}}
        """
            .formatted(replicas, strategy, image),
        Deployment.class);
  }

  static final String SURGE_1_UNAVAILABLE_0 =
      "\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":1,\"maxUnavailable\":0}},";

  /** A ReplicaSet as the controller would have made it, with spec and available replicas. */
  static ReplicaSet rs(Deployment d, String created, int spec, int available) {
    ReplicaSet rs = DeploymentReconciler.newReplicaSet(d, List.of(), spec);
    rs.meta().uid = rs.meta().name + "-uid";
    rs.meta().creationTimestamp = created;
    rs.status = new ReplicaSetStatus();
    rs.status.replicas = spec;
    rs.status.readyReplicas = available;
    rs.status.availableReplicas = available;
    return rs;
  }

  @Test
  void aNewDeploymentCreatesAReplicaSetKeyedByTheTemplateHash() {
    Deployment d = deployment(3, "img:1", "");
    var plan = DeploymentReconciler.plan(d, List.of(), Map.of(), NOW);
    ReplicaSet rs = plan.create();
    String hash = rs.meta().labels.get("pod-template-hash");
    assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]+");
    assertThat(rs.meta().name).isEqualTo("web-" + hash);
    assertThat(rs.spec().replicas).isEqualTo(3);
    assertThat(rs.spec().selector.matchLabels).containsEntry("pod-template-hash", hash);
    assertThat(rs.spec().template.metadata.labels).containsEntry("app", "web");
    assertThat(rs.meta().annotations).containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(rs.meta().ownerReferences.get(0).uid).isEqualTo("d-uid");
    assertThat(plan.status().conditions)
        .anyMatch(c -> c.type.equals("Progressing") && c.reason.equals("NewReplicaSetCreated"));
  }

  @Test
  void theHashChangesWithTheTemplateOnly() {
    Deployment a = deployment(1, "img:1", "");
    Deployment b = deployment(5, "img:1", "");
    Deployment c = deployment(1, "img:2", "");
    String ha = PodTemplateHash.of(a.spec().template, null);
    assertThat(PodTemplateHash.of(b.spec().template, null)).isEqualTo(ha);
    assertThat(PodTemplateHash.of(c.spec().template, null)).isNotEqualTo(ha);
    assertThat(PodTemplateHash.of(a.spec().template, 1)).isNotEqualTo(ha);
  }

  /** A rolling update with maxSurge 1, maxUnavailable 0, stepped to completion. */
  @Test
  void rollingUpdateSurgesOneAndNeverDropsBelowTheDesiredAvailability() {
    Deployment v1 = deployment(3, "img:1", SURGE_1_UNAVAILABLE_0);
    Deployment v2 = deployment(3, "img:2", SURGE_1_UNAVAILABLE_0);
    ReplicaSet old = rs(v1, "2025-01-01T00:00:00Z", 3, 3);
    ReplicaSet next = rs(v2, "2025-01-01T00:05:00Z", 0, 0);
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      var plan = DeploymentReconciler.plan(v2, List.of(old, next), Map.of(), NOW);
      if (plan.scales().isEmpty()) {
        break;
      }
      for (var s : plan.scales()) {
        ReplicaSet target = s.rs() == old ? old : next;
        target.spec().replicas = s.to();
        target.status.replicas = s.to();
        target.status.availableReplicas = s.to();
        steps.add((target == old ? "old" : "new") + "=" + s.to());
      }
      int available = old.status.availableReplicas + next.status.availableReplicas;
      assertThat(available).isGreaterThanOrEqualTo(3);
      assertThat(old.spec().replicas + next.spec().replicas).isLessThanOrEqualTo(4);
    }
    assertThat(steps).containsExactly("new=1", "old=2", "new=2", "old=1", "new=3", "old=0");
    var done = DeploymentReconciler.plan(v2, List.of(old, next), Map.of(), NOW);
    assertThat(done.status().updatedReplicas).isEqualTo(3);
    assertThat(done.status().availableReplicas).isEqualTo(3);
    assertThat(done.status().observedGeneration).isEqualTo(2L);
    assertThat(done.status().conditions)
        .anyMatch(c -> c.type.equals("Available") && c.status.equals("True"))
        .anyMatch(c -> c.type.equals("Progressing") && c.reason.equals("NewReplicaSetAvailable"));
  }

  @Test
  void unavailableOldReplicasAreScaledDownFirst() {
    String strategy =
        "\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":0,\"maxUnavailable\":1}},";
    Deployment v2 = deployment(3, "img:2", strategy);
    ReplicaSet old = rs(deployment(3, "img:1", strategy), "2025-01-01T00:00:00Z", 3, 1);
    ReplicaSet next = rs(v2, "2025-01-01T00:05:00Z", 0, 0);
    var plan = DeploymentReconciler.plan(v2, List.of(old, next), Map.of(), NOW);
    assertThat(plan.scales())
        .extracting(s -> s.rs().meta().name + "=" + s.to())
        .containsExactly(old.meta().name + "=2");
  }

  @Test
  void recreateScalesOldToZeroThenWaitsForTheirPodsThenScalesNewUp() {
    String recreate = "\"strategy\":{\"type\":\"Recreate\"},";
    Deployment v2 = deployment(2, "img:2", recreate);
    ReplicaSet old = rs(deployment(2, "img:1", recreate), "2025-01-01T00:00:00Z", 2, 2);
    var first = DeploymentReconciler.plan(v2, List.of(old), Map.of(old.meta().uid, 2), NOW);
    assertThat(first.create()).isNull();
    assertThat(first.scales()).extracting(s -> s.to()).containsExactly(0);
    old.spec().replicas = 0;
    var waiting = DeploymentReconciler.plan(v2, List.of(old), Map.of(old.meta().uid, 1), NOW);
    assertThat(waiting.create()).isNull();
    assertThat(waiting.scales()).isEmpty();
    var up = DeploymentReconciler.plan(v2, List.of(old), Map.of(old.meta().uid, 0), NOW);
    assertThat(up.create().spec().replicas).isEqualTo(2);
    assertThat(up.create().meta().annotations)
        .containsEntry("deployment.kubernetes.io/revision", "2");
  }

  @Test
  void scalingWithoutATemplateChangeResizesTheCurrentReplicaSet() {
    Deployment d = deployment(5, "img:1", "");
    ReplicaSet current = rs(deployment(2, "img:1", ""), "2025-01-01T00:00:00Z", 2, 2);
    var plan = DeploymentReconciler.plan(d, List.of(current), Map.of(), NOW);
    assertThat(plan.scales()).extracting(s -> s.from() + "->" + s.to()).containsExactly("2->5");
    Deployment down = deployment(1, "img:1", "");
    current.spec().replicas = 5;
    var smaller = DeploymentReconciler.plan(down, List.of(current), Map.of(), NOW);
    assertThat(smaller.scales()).extracting(s -> s.to()).containsExactly(1);
  }

  @Test
  void oldIdleReplicaSetsBeyondTheHistoryLimitAreDeleted() {
    Deployment d = deployment(1, "img:9", "");
    d.spec().revisionHistoryLimit = 1;
    List<ReplicaSet> sets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sets.add(rs(deployment(1, "img:" + i, ""), "2025-01-01T00:0" + i + ":00Z", 0, 0));
    }
    sets.add(rs(d, "2025-01-01T00:09:00Z", 1, 1));
    var plan = DeploymentReconciler.plan(d, sets, Map.of(), NOW);
    assertThat(plan.delete())
        .extracting(rs -> rs.meta().name)
        .containsExactly(sets.get(0).meta().name, sets.get(1).meta().name);
  }

  private static ReplicaSet withRevision(ReplicaSet rs, int revision) {
    rs.meta().annotations.put(DeploymentReconciler.REVISION, Integer.toString(revision));
    return rs;
  }

  @Test
  void aRollbackMakesTheOldTemplatesReplicaSetTheNewestRevisionAndKeepsItsHistory() {
    Deployment v1 = deployment(3, "img:1", SURGE_1_UNAVAILABLE_0);
    Deployment v2 = deployment(3, "img:2", SURGE_1_UNAVAILABLE_0);
    ReplicaSet first = withRevision(rs(v1, "2025-01-01T00:00:00Z", 0, 0), 1);
    ReplicaSet second = withRevision(rs(v2, "2025-01-01T00:05:00Z", 3, 3), 2);
    // kubectl rollout undo puts v1's template back: v1's ReplicaSet is new again, as revision 3
    var plan = DeploymentReconciler.plan(v1, List.of(first, second), Map.of(), NOW);
    assertThat(plan.create()).isNull();
    ReplicaSet scaled =
        plan.scales().stream()
            .filter(s -> s.rs().meta().name.equals(first.meta().name))
            .findFirst()
            .orElseThrow()
            .rs();
    assertThat(scaled.meta().annotations)
        .containsEntry(DeploymentReconciler.REVISION, "3")
        .containsEntry(DeploymentReconciler.REVISION_HISTORY, "1");
    assertThat(plan.revise()).isNull();

    // fully rolled back and no scale left to carry it: the revision is written on its own
    ReplicaSet done = withRevision(rs(v1, "2025-01-01T00:00:00Z", 3, 3), 1);
    ReplicaSet idle = withRevision(rs(v2, "2025-01-01T00:05:00Z", 0, 0), 2);
    var settled = DeploymentReconciler.plan(v1, List.of(done, idle), Map.of(), NOW);
    assertThat(settled.scales()).isEmpty();
    assertThat(settled.revise().meta().annotations)
        .containsEntry(DeploymentReconciler.REVISION, "3");

    // the newest revision is left alone
    done.meta().annotations.put(DeploymentReconciler.REVISION, "3");
    assertThat(DeploymentReconciler.plan(v1, List.of(done, idle), Map.of(), NOW).revise()).isNull();
  }
}

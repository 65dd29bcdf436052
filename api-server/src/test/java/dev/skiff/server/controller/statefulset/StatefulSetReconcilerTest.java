package dev.skiff.server.controller.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.apps.StatefulSetSpec;
import dev.skiff.api.model.core.EnvVar;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.testing.ApiObjects;
import dev.skiff.server.controller.history.History;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatefulSetReconcilerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:10:00Z");

  private final List<Pod> pods = new ArrayList<>();
  private final List<ControllerRevision> revisions = new ArrayList<>();
  private final Set<String> claims = new HashSet<>();

  static StatefulSet sts(int replicas, String policy, String strategy) {
    return Json.parse(
        """
        {"apiVersion":"apps/v1","kind":"StatefulSet",
         "metadata":{"name":"web","namespace":"default","uid":"sts-uid","generation":1},
         "spec":{"replicas":%d,"serviceName":"nginx","podManagementPolicy":"%s",
          "updateStrategy":%s,"revisionHistoryLimit":10,
          "selector":{"matchLabels":{"app":"web"}},
          "template":{"metadata":{"labels":{"app":"web"}},
           "spec":{"containers":[{"name":"c","image":"i"}]}}}}
        """
            .formatted(replicas, policy, strategy),
        StatefulSet.class);
  }

  static final String ROLLING = "{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":0}}";

  /** One pass: applies the plan's writes, the revision's status, and returns the plan. */
  private StatefulSetReconciler.Plan pass(StatefulSet sts, boolean newPodsReady) {
    StatefulSetReconciler.Plan plan = StatefulSetReconciler.plan(sts, pods, revisions, claims, NOW);
    if (plan.revision().write() != null) {
      revisions.removeIf(r -> r.meta().name.equals(plan.revision().write().meta().name));
      revisions.add(plan.revision().write());
    }
    revisions.removeAll(plan.deleteRevisions());
    pods.removeAll(plan.delete());
    plan.createClaims().forEach(c -> claims.add(c.meta().name));
    for (Pod p : plan.create()) {
      p.meta().uid = "uid-" + p.meta().name + "-" + pods.size();
      p.status().phase = "Running";
      PodCondition ready = ApiObjects.readyCondition(newPodsReady);
      ready.lastTransitionTime = "2025-01-01T00:00:00Z";
      p.status().conditions = new ArrayList<>(List.of(ready));
      pods.add(p);
    }
    sts.status = plan.status();
    return plan;
  }

  private List<String> names(List<Pod> list) {
    return list.stream().map(p -> p.meta().name).toList();
  }

  private Pod pod(String name) {
    return pods.stream().filter(p -> p.meta().name.equals(name)).findFirst().orElseThrow();
  }

  private static void changeTemplate(StatefulSet sts, String value) {
    EnvVar env = new EnvVar();
    env.name = "V";
    env.value = value;
    sts.spec.template.spec.containers.get(0).env = new ArrayList<>(List.of(env));
    sts.meta().generation = sts.meta().generation + 1;
  }

  private static StatefulSet withClaims(StatefulSet sts, String whenDeleted) {
    StatefulSetSpec spec =
        Json.parse(
            """
            {"volumeClaimTemplates":[{"metadata":{"name":"data","labels":{"tier":"db"}},
              "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}},
             {"metadata":{"name":"logs"},
              "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Mi"}}}}],
             "persistentVolumeClaimRetentionPolicy":{"whenDeleted":"%s","whenScaled":"Retain"}}
            """
                .formatted(whenDeleted),
            StatefulSetSpec.class);
    sts.spec.volumeClaimTemplates = spec.volumeClaimTemplates;
    sts.spec.persistentVolumeClaimRetentionPolicy = spec.persistentVolumeClaimRetentionPolicy;
    return sts;
  }

  private static List<String> claimNames(StatefulSetReconciler.Plan plan) {
    return plan.createClaims().stream().map(c -> c.meta().name).toList();
  }

  @Test
  void claimsOfEachTemplateArePlannedWithTheirPodAndOnlyWhenMissing() {
    StatefulSet sts = withClaims(sts(2, "Parallel", ROLLING), "Retain");
    claims.add("logs-web-1");
    StatefulSetReconciler.Plan plan = pass(sts, true);
    assertThat(names(plan.create())).containsExactly("web-0", "web-1");
    assertThat(claimNames(plan)).containsExactly("data-web-0", "logs-web-0", "data-web-1");
    PersistentVolumeClaim data0 = plan.createClaims().get(0);
    assertThat(data0.meta().namespace).isEqualTo("default");
    assertThat(data0.meta().labels).containsEntry("tier", "db").containsEntry("app", "web");
    assertThat(data0.meta().ownerReferences).isNullOrEmpty();
    assertThat(data0.spec.accessModes).containsExactly("ReadWriteOnce");
    assertThat(data0.spec.resources.requests).containsEntry("storage", "1Gi");
    assertThat(plan.createClaims().get(1).meta().labels).containsOnly(Map.entry("app", "web"));
    // Nothing left to create: no claim either, even though the pods exist already.
    assertThat(pass(sts, true).createClaims()).isEmpty();
    // A deleted pod comes back on the claims it had.
    pods.removeIf(p -> p.meta().name.equals("web-0"));
    plan = pass(sts, true);
    assertThat(names(plan.create())).containsExactly("web-0");
    assertThat(plan.createClaims()).isEmpty();
  }

  @Test
  void orderedReadyPlansTheClaimsOfTheNextPodOnly() {
    StatefulSet sts = withClaims(sts(2, "OrderedReady", ROLLING), "Retain");
    assertThat(claimNames(pass(sts, true))).containsExactly("data-web-0", "logs-web-0");
    assertThat(claimNames(pass(sts, true))).containsExactly("data-web-1", "logs-web-1");
    assertThat(claimNames(pass(sts, true))).isEmpty();
  }

  @Test
  void claimsAreOwnedByTheStatefulSetOnlyWhenDeletedWithIt() {
    StatefulSet sts = withClaims(sts(1, "OrderedReady", ROLLING), "Delete");
    PersistentVolumeClaim claim = pass(sts, true).createClaims().get(0);
    assertThat(claim.meta().ownerReferences).hasSize(1);
    assertThat(claim.meta().ownerReferences.get(0).kind).isEqualTo("StatefulSet");
    assertThat(claim.meta().ownerReferences.get(0).name).isEqualTo("web");
    assertThat(claim.meta().ownerReferences.get(0).uid).isEqualTo("sts-uid");
  }

  @Test
  void podsMountTheirClaimsInPlaceOfTemplateVolumesOfTheSameName() {
    StatefulSet sts = withClaims(sts(1, "OrderedReady", ROLLING), "Retain");
    sts.spec.template.spec.volumes =
        Json.parse(
                "{\"volumes\":[{\"name\":\"data\",\"emptyDir\":{}},{\"name\":\"tmp\",\"emptyDir\":{}}]}",
                dev.skiff.api.model.core.PodSpec.class)
            .volumes;
    Pod web0 = pass(sts, true).create().get(0);
    assertThat(web0.spec.volumes).extracting(v -> v.name).containsExactly("data", "logs", "tmp");
    assertThat(web0.spec.volumes.get(0).persistentVolumeClaim.claimName).isEqualTo("data-web-0");
    assertThat(web0.spec.volumes.get(0).emptyDir).isNull();
    assertThat(web0.spec.volumes.get(1).persistentVolumeClaim.claimName).isEqualTo("logs-web-0");
    assertThat(web0.spec.volumes.get(2).emptyDir).isNotNull();
    assertThat(sts.spec.template.spec.volumes.get(0).emptyDir).isNotNull();
  }

  @Test
  void orderedReadyCreatesOnePodAtATimeAndWaitsForEachToBeReady() {
    StatefulSet sts = sts(3, "OrderedReady", ROLLING);
    assertThat(names(pass(sts, false).create())).containsExactly("web-0");
    assertThat(pass(sts, false).create()).isEmpty();
    pod("web-0").status.conditions = List.of(ApiObjects.readyCondition(true));
    assertThat(names(pass(sts, true).create())).containsExactly("web-1");
    assertThat(names(pass(sts, true).create())).containsExactly("web-2");
    assertThat(pass(sts, true).create()).isEmpty();
    assertThat(sts.status.readyReplicas).isEqualTo(3);
    assertThat(sts.status.replicas).isEqualTo(3);
    assertThat(sts.status.currentRevision).isEqualTo(sts.status.updateRevision).startsWith("web-");
    assertThat(sts.status.observedGeneration).isEqualTo(1);
  }

  @Test
  void podsHaveStableIdentityHostnameSubdomainAndRevisionLabels() {
    StatefulSet sts = sts(1, "OrderedReady", ROLLING);
    Pod web0 = pass(sts, true).create().get(0);
    assertThat(web0.meta().name).isEqualTo("web-0");
    assertThat(web0.spec.hostname).isEqualTo("web-0");
    assertThat(web0.spec.subdomain).isEqualTo("nginx");
    assertThat(web0.meta().labels)
        .containsEntry("app", "web")
        .containsEntry("statefulset.kubernetes.io/pod-name", "web-0")
        .containsEntry("apps.kubernetes.io/pod-index", "0")
        .containsEntry("controller-revision-hash", revisions.get(0).meta().name);
    assertThat(web0.meta().ownerReferences.get(0).kind).isEqualTo("StatefulSet");
    assertThat(web0.meta().ownerReferences.get(0).controller).isTrue();
    assertThat(revisions.get(0).revision).isEqualTo(1);
    assertThat(History.template(revisions.get(0)))
        .usingRecursiveComparison()
        .isEqualTo(sts.spec.template);
  }

  @Test
  void parallelCreatesAndDeletesAllAtOnce() {
    StatefulSet sts = sts(3, "Parallel", ROLLING);
    assertThat(names(pass(sts, false).create())).containsExactly("web-0", "web-1", "web-2");
    sts.spec.replicas = 1;
    assertThat(names(pass(sts, false).delete())).containsExactly("web-2", "web-1");
  }

  @Test
  void orderedReadyScalesDownFromTheHighestOrdinalOneAtATime() {
    StatefulSet sts = sts(3, "OrderedReady", ROLLING);
    for (int i = 0; i < 4; i++) {
      pass(sts, true);
    }
    sts.spec.replicas = 1;
    assertThat(names(pass(sts, true).delete())).containsExactly("web-2");
    assertThat(names(pass(sts, true).delete())).containsExactly("web-1");
    assertThat(names(pods)).containsExactly("web-0");
  }

  @Test
  void rollingUpdateReplacesFromTheHighestOrdinalDownToThePartition() {
    StatefulSet sts = sts(3, "OrderedReady", ROLLING);
    for (int i = 0; i < 4; i++) {
      pass(sts, true);
    }
    String first = sts.status.currentRevision;
    sts.spec.updateStrategy.rollingUpdate.partition = 2;
    changeTemplate(sts, "2");
    assertThat(names(pass(sts, true).delete())).containsExactly("web-2");
    assertThat(revisions).hasSize(2);
    String second = sts.status.updateRevision;
    assertThat(second).isNotEqualTo(first);
    assertThat(names(pass(sts, true).create())).containsExactly("web-2");
    assertThat(pod("web-2").meta().labels).containsEntry("controller-revision-hash", second);
    StatefulSetReconciler.Plan done = pass(sts, true);
    assertThat(done.create()).isEmpty();
    assertThat(done.delete()).isEmpty();
    assertThat(sts.status.updatedReplicas).isEqualTo(1);
    assertThat(sts.status.currentReplicas).isEqualTo(2);
    assertThat(sts.status.currentRevision).isEqualTo(first);

    pods.remove(pod("web-0"));
    assertThat(pass(sts, true).create().get(0).meta().labels)
        .as("below the partition a pod comes back at the current revision")
        .containsEntry("controller-revision-hash", first);

    sts.spec.updateStrategy.rollingUpdate.partition = 0;
    assertThat(names(pass(sts, true).delete())).containsExactly("web-1");
    pass(sts, true);
    assertThat(names(pass(sts, true).delete())).containsExactly("web-0");
    pass(sts, true);
    pass(sts, true);
    assertThat(sts.status.currentRevision).isEqualTo(second);
    assertThat(sts.status.updatedReplicas).isEqualTo(3);
    assertThat(sts.status.currentReplicas).isEqualTo(3);
  }

  @Test
  void rollingUpdateWaitsForTheReplacementToBeReady() {
    StatefulSet sts = sts(2, "Parallel", ROLLING);
    pass(sts, true);
    pass(sts, true);
    changeTemplate(sts, "2");
    assertThat(names(pass(sts, false).delete())).containsExactly("web-1");
    assertThat(names(pass(sts, false).create())).containsExactly("web-1");
    StatefulSetReconciler.Plan waiting = pass(sts, false);
    assertThat(waiting.delete()).as("web-1 is not Ready yet").isEmpty();
  }

  @Test
  void onDeleteLeavesOldPodsAndRecreatesDeletedOnesAtTheUpdateRevision() {
    StatefulSet sts = sts(2, "OrderedReady", "{\"type\":\"OnDelete\"}");
    for (int i = 0; i < 3; i++) {
      pass(sts, true);
    }
    changeTemplate(sts, "2");
    StatefulSetReconciler.Plan plan = pass(sts, true);
    assertThat(plan.delete()).isEmpty();
    assertThat(sts.status.updatedReplicas).isZero();
    pods.remove(pod("web-1"));
    Pod again = pass(sts, true).create().get(0);
    assertThat(again.meta().labels)
        .containsEntry("controller-revision-hash", sts.status.updateRevision);
  }

  @Test
  void failedPodsAreReplaced() {
    StatefulSet sts = sts(1, "OrderedReady", ROLLING);
    pass(sts, true);
    pod("web-0").status.phase = "Failed";
    assertThat(names(pass(sts, true).delete())).containsExactly("web-0");
    assertThat(names(pass(sts, true).create())).containsExactly("web-0");
  }

  @Test
  void goingBackToAnOldTemplateRenumbersItsRevisionAndOldRevisionsAreTrimmed() {
    StatefulSet sts = sts(1, "OrderedReady", ROLLING);
    pass(sts, true);
    String first = revisions.get(0).meta().name;
    changeTemplate(sts, "2");
    pass(sts, true);
    sts.spec.template.spec.containers.get(0).env = null;
    StatefulSetReconciler.Plan back = pass(sts, true);
    assertThat(back.revision().create()).isFalse();
    assertThat(back.revision().write().meta().name).isEqualTo(first);
    assertThat(back.revision().write().revision).isEqualTo(3);

    sts.spec.revisionHistoryLimit = 0;
    for (int i = 0; i < 6; i++) {
      pass(sts, true);
    }
    assertThat(revisions).extracting(r -> r.meta().name).containsExactly(first);
  }
}

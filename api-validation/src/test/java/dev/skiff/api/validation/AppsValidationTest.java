package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static dev.skiff.api.validation.Cases.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.apps.StatefulSetOrdinals;
import dev.skiff.api.model.core.ReplicationController;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** StatefulSet, DaemonSet, ReplicationController, ControllerRevision: defaults and messages. */
class AppsValidationTest {
  static final String TEMPLATE =
      """
      "template":{"metadata":{"labels":{"app":"db"}},
                  "spec":{"containers":[{"name":"db","image":"example/db:1"}]}}
      """;
  static final String STATEFULSET =
      """
      {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","namespace":"default"},
       "spec":{"serviceName":"db","selector":{"matchLabels":{"app":"db"}},
               "volumeClaimTemplates":[{"metadata":{"name":"data"},
                 "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}],
               %s}}
      """
          .formatted(TEMPLATE);
  static final String DAEMONSET =
      """
      {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"db","namespace":"default"},
       "spec":{"selector":{"matchLabels":{"app":"db"}},%s}}
      """
          .formatted(TEMPLATE);
  static final String RC =
      """
      {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"db","namespace":"default"},
       "spec":{%s}}
      """
          .formatted(TEMPLATE);

  @Test
  void defaultsAsKubernetes() {
    StatefulSet sts = Cases.parse(STATEFULSET, StatefulSet.class);
    assertThat(Validation.validate(sts, null)).isEmpty();
    assertThat(sts.spec.replicas).isEqualTo(1);
    assertThat(sts.spec.podManagementPolicy).isEqualTo("OrderedReady");
    assertThat(sts.spec.updateStrategy.type).isEqualTo("RollingUpdate");
    assertThat(sts.spec.updateStrategy.rollingUpdate.partition).isZero();
    assertThat(sts.spec.revisionHistoryLimit).isEqualTo(10);
    assertThat(sts.spec.persistentVolumeClaimRetentionPolicy.whenDeleted).isEqualTo("Retain");
    assertThat(sts.spec.persistentVolumeClaimRetentionPolicy.whenScaled).isEqualTo("Retain");
    assertThat(sts.spec.volumeClaimTemplates.get(0).spec.volumeMode).isEqualTo("Filesystem");
    assertThat(sts.spec.volumeClaimTemplates.get(0).status.phase).isEqualTo("Pending");
    assertThat(sts.spec.template.spec.restartPolicy).isEqualTo("Always");

    DaemonSet ds = Cases.parse(DAEMONSET, DaemonSet.class);
    assertThat(Validation.validate(ds, null)).isEmpty();
    assertThat(ds.spec.updateStrategy.type).isEqualTo("RollingUpdate");
    assertThat(ds.spec.updateStrategy.rollingUpdate.maxUnavailable).isEqualTo(IntOrString.of(1));
    assertThat(ds.spec.updateStrategy.rollingUpdate.maxSurge).isEqualTo(IntOrString.of(0));
    assertThat(ds.spec.revisionHistoryLimit).isEqualTo(10);

    ReplicationController rc = Cases.parse(RC, ReplicationController.class);
    assertThat(Validation.validate(rc, null)).isEmpty();
    assertThat(rc.spec.replicas).isEqualTo(1);
    assertThat(rc.spec.selector).isEqualTo(Map.of("app", "db"));
    assertThat(rc.metadata.labels).isEqualTo(Map.of("app", "db"));
  }

  static Stream<Arguments> statefulSetRules() {
    return Stream.of(
        row(
            "podManagementPolicy",
            (StatefulSet s) -> s.spec.podManagementPolicy = "Sometimes",
            cause(
                "spec.podManagementPolicy",
                "FieldValueInvalid",
                "Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'")),
        row(
            "OnDelete has no rollingUpdate",
            (StatefulSet s) -> s.spec.updateStrategy.type = "OnDelete",
            cause(
                "spec.updateStrategy.rollingUpdate",
                "FieldValueInvalid",
                "Invalid value: {\"partition\":0}: only allowed for updateStrategy 'RollingUpdate'")),
        row(
            "partition not negative",
            (StatefulSet s) -> s.spec.updateStrategy.rollingUpdate.partition = -1,
            cause(
                "spec.updateStrategy.rollingUpdate.partition",
                "FieldValueInvalid",
                "Invalid value: -1: must be greater than or equal to 0")),
        row(
            "retention policy",
            (StatefulSet s) -> s.spec.persistentVolumeClaimRetentionPolicy.whenScaled = "Keep",
            cause(
                "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
                "FieldValueNotSupported",
                "Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\"")),
        row(
            "ordinals.start",
            (StatefulSet s) -> {
              s.spec.ordinals = new StatefulSetOrdinals();
              s.spec.ordinals.start = -3;
            },
            cause(
                "spec.ordinals.start",
                "FieldValueInvalid",
                "Invalid value: -3: must be greater than or equal to 0")),
        row(
            "selector not empty",
            (StatefulSet s) -> s.spec.selector = new LabelSelector(),
            cause(
                "spec.selector",
                "FieldValueInvalid",
                "Invalid value: {}: empty selector is invalid for statefulset")),
        row(
            "claim template named",
            (StatefulSet s) -> s.spec.volumeClaimTemplates.get(0).metadata.name = null,
            cause(
                "spec.volumeClaimTemplates[0].metadata.name",
                "FieldValueRequired",
                "Required value: name or generateName is required")),
        row(
            "claim template spec is a claim spec",
            (StatefulSet s) -> {
              s.spec.volumeClaimTemplates.get(0).spec.accessModes = null;
              s.spec.volumeClaimTemplates.get(0).spec.resources.requests = Map.of("storage", "0");
            },
            cause(
                "spec.volumeClaimTemplates[0].spec.accessModes",
                "FieldValueRequired",
                "Required value: at least 1 access mode is required"),
            cause(
                "spec.volumeClaimTemplates[0].spec.resources[storage]",
                "FieldValueInvalid",
                "Invalid value: \"0\": must be greater than zero")),
        row(
            "no activeDeadlineSeconds",
            (StatefulSet s) -> s.spec.template.spec.activeDeadlineSeconds = 5L,
            cause(
                "spec.template.spec.activeDeadlineSeconds",
                "FieldValueForbidden",
                "Forbidden: activeDeadlineSeconds in StatefulSet is not Supported")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statefulSetRules")
  void reportsEachStatefulSetRule(
      String name, Consumer<StatefulSet> change, List<StatusCause> expected) {
    StatefulSet sts = Cases.parse(STATEFULSET, StatefulSet.class);
    change.accept(sts);
    Cases.assertCauses(Validation.validate(sts, null), expected);
  }

  @Test
  void containersMayMountTheClaimTemplatesAndOnlyVolumesThatExist() {
    StatefulSet sts = Cases.parse(STATEFULSET, StatefulSet.class);
    var mount = new dev.skiff.api.model.core.VolumeMount();
    mount.name = "data";
    mount.mountPath = "/data";
    sts.spec.template.spec.containers.get(0).volumeMounts = List.of(mount);
    assertThat(Validation.validate(sts, null)).isEmpty();
    assertThat(sts.spec.template.spec.volumes).isNull();
    mount.name = "other";
    Cases.assertCauses(
        Validation.validate(sts, null),
        cause(
            "spec.template.spec.containers[0].volumeMounts[0].name",
            "FieldValueNotFound",
            "Not found: \"other\""));
  }

  @Test
  void aStatefulSetMayChangeOnlySomeOfItsSpec() {
    StatefulSet old = Cases.parse(STATEFULSET, StatefulSet.class);
    StatefulSet scaled = Cases.copy(old);
    scaled.spec.replicas = 5;
    scaled.spec.template.spec.containers.get(0).image = "example/db:2";
    scaled.spec.updateStrategy.rollingUpdate.partition = 2;
    assertThat(Validation.validate(scaled, old)).isEmpty();
    StatefulSet renamed = Cases.copy(old);
    renamed.spec.serviceName = "other";
    Cases.assertCauses(
        Validation.validate(renamed, old),
        cause(
            "spec",
            "FieldValueForbidden",
            "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals',"
                + " 'template', 'updateStrategy', 'revisionHistoryLimit',"
                + " 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
  }

  static Stream<Arguments> daemonSetRules() {
    return Stream.of(
        row(
            "no selector selects nothing",
            (DaemonSet d) -> d.spec.selector = null,
            cause(
                "spec.template.metadata.labels",
                "FieldValueInvalid",
                "Invalid value: {\"app\":\"db\"}: `selector` does not match template `labels`")),
        row(
            "selector not empty (an empty one selects everything)",
            (DaemonSet d) -> d.spec.selector = new LabelSelector(),
            cause(
                "spec.selector",
                "FieldValueInvalid",
                "Invalid value: {}: empty selector is invalid for daemonset")),
        row(
            "activeDeadlineSeconds must be nil",
            (DaemonSet d) -> d.spec.template.spec.activeDeadlineSeconds = 5L,
            cause(
                "spec.template.spec.activeDeadlineSeconds",
                "FieldValueInvalid",
                "Invalid value: 5: activeDeadlineSeconds must be nil for daemonset")),
        row(
            "maxUnavailable and maxSurge not both 0",
            (DaemonSet d) -> d.spec.updateStrategy.rollingUpdate.maxUnavailable = IntOrString.of(0),
            cause(
                "spec.updateStrategy.rollingUpdate.maxUnavailable",
                "FieldValueInvalid",
                "Invalid value: 0: may not be 0 when `maxSurge` is 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("daemonSetRules")
  void reportsEachDaemonSetRule(
      String name, Consumer<DaemonSet> change, List<StatusCause> expected) {
    DaemonSet ds = Cases.parse(DAEMONSET, DaemonSet.class);
    change.accept(ds);
    Cases.assertCauses(Validation.validate(ds, null), expected);
  }

  @Test
  void aDaemonSetSelectorIsImmutable() {
    DaemonSet old = Cases.parse(DAEMONSET, DaemonSet.class);
    DaemonSet changed = Cases.copy(old);
    changed.spec.selector.matchLabels = Map.of("app", "db", "tier", "x");
    changed.spec.template.metadata.labels = Map.of("app", "db", "tier", "x");
    assertThat(Validation.validate(changed, old))
        .extracting(c -> c.field + ": " + c.message)
        .containsExactly(
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"db\",\"tier\":\"x\"}}: field is immutable");
  }

  @Test
  void aReplicationControllerNeedsASelectorMatchingItsTemplate() {
    ReplicationController rc = Cases.parse(RC, ReplicationController.class);
    rc.spec.selector = Map.of("app", "other");
    Cases.assertCauses(
        Validation.validate(rc, null),
        cause(
            "spec.template.metadata.labels",
            "FieldValueInvalid",
            "Invalid value: {\"app\":\"db\"}: `selector` does not match template `labels`"));
    rc.spec.selector = Map.of();
    rc.spec.template.spec.restartPolicy = "Never";
    Cases.assertCauses(
        Validation.validate(rc, null),
        cause("spec.selector", "FieldValueRequired", "Required value"),
        cause(
            "spec.template.spec.restartPolicy",
            "FieldValueNotSupported",
            "Unsupported value: \"Never\": supported values: \"Always\""));
  }

  @Test
  void aControllerRevisionNeedsDataThatNeverChanges() {
    ControllerRevision cr = new ControllerRevision();
    cr.meta().name = "web-abc";
    cr.meta().namespace = "default";
    cr.revision = 1L;
    Cases.assertCauses(
        Validation.validate(cr, null),
        cause("data", "FieldValueRequired", "Required value: data is mandatory"));
    cr.data = Map.of("spec", Map.of());
    ControllerRevision changed = Cases.copy(cr);
    changed.data = Map.of("spec", Map.of("x", 1));
    assertThat(Validation.validate(changed, cr)).extracting(c -> c.field).containsExactly("data");
  }
}

package dev.skiff.api.validation;

import static dev.skiff.api.validation.Cases.cause;
import static dev.skiff.api.validation.Cases.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.meta.LabelSelectorRequirement;
import dev.skiff.api.status.StatusCause;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadValidationTest {
  static final String DEPLOYMENT =
      """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"default"},
       "spec":{"replicas":3,"selector":{"matchLabels":{"app":"api"}},
               "template":{"metadata":{"labels":{"app":"api","tier":"backend"}},
                           "spec":{"containers":[{"name":"api","image":"example/api:1.0"}]}}}}
      """;
  static final String REPLICASET =
      """
      {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"api-5d8f","namespace":"default"},
       "spec":{"replicas":2,"selector":{"matchLabels":{"app":"api","pod-template-hash":"5d8f"}},
               "template":{"metadata":{"labels":{"app":"api","pod-template-hash":"5d8f"}},
                           "spec":{"containers":[{"name":"api","image":"example/api:1.0"}]}}}}
      """;

  static Deployment deployment() {
    return Cases.parse(DEPLOYMENT, Deployment.class);
  }

  @Test
  void acceptsRealisticDeploymentAndReplicaSet() {
    assertThat(Validation.validate(deployment(), null)).isEmpty();
    assertThat(Validation.validate(Cases.parse(REPLICASET, ReplicaSet.class), null)).isEmpty();
  }

  static Stream<Arguments> deploymentRules() {
    return Stream.of(
        row(
            "selector required",
            (Deployment d) -> d.spec.selector = null,
            cause("spec.selector", "FieldValueRequired", "Required value")),
        row(
            "selector not empty",
            (Deployment d) -> d.spec.selector = new LabelSelector(),
            cause(
                "spec.selector",
                "FieldValueInvalid",
                "Invalid value: {}: empty selector is invalid for deployment")),
        row(
            "template labels match selector",
            (Deployment d) -> d.spec.template.metadata.labels = Map.of("app", "other"),
            cause(
                "spec.template.metadata.labels",
                "FieldValueInvalid",
                "Invalid value: {\"app\":\"other\"}: `selector` does not match template `labels`")),
        row(
            "matchExpressions match template too",
            (Deployment d) ->
                d.spec.selector.matchExpressions =
                    List.of(new LabelSelectorRequirement("tier", "In", List.of("frontend"))),
            cause(
                "spec.template.metadata.labels",
                "FieldValueInvalid",
                "Invalid value: {\"app\":\"api\",\"tier\":\"backend\"}: `selector` does not match template `labels`")),
        row(
            "selector operator valid",
            (Deployment d) ->
                d.spec.selector.matchExpressions =
                    List.of(new LabelSelectorRequirement("tier", "Like", List.of("x"))),
            cause(
                "spec.selector.matchExpressions[0].operator",
                "FieldValueInvalid",
                "Invalid value: \"Like\": not a valid selector operator")),
        row(
            "In needs values",
            (Deployment d) ->
                d.spec.selector.matchExpressions =
                    List.of(new LabelSelectorRequirement("tier", "In", List.of())),
            cause(
                "spec.selector.matchExpressions[0].values",
                "FieldValueRequired",
                "Required value: must be specified when `operator` is 'In' or 'NotIn'")),
        row(
            "replicas not negative",
            (Deployment d) -> d.spec.replicas = -1,
            cause(
                "spec.replicas",
                "FieldValueInvalid",
                "Invalid value: -1: must be greater than or equal to 0")),
        row(
            "strategy type supported",
            (Deployment d) -> {
              d.spec.strategy.type = "BlueGreen";
              d.spec.strategy.rollingUpdate = null;
            },
            cause(
                "spec.strategy.type",
                "FieldValueNotSupported",
                "Unsupported value: \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\"")),
        row(
            "Recreate has no rollingUpdate",
            (Deployment d) -> d.spec.strategy.type = "Recreate",
            cause(
                "spec.strategy.rollingUpdate",
                "FieldValueForbidden",
                "Forbidden: may not be specified when strategy `type` is 'Recreate'")),
        row(
            "maxSurge and maxUnavailable not both 0",
            (Deployment d) -> {
              d.spec.strategy.rollingUpdate.maxSurge = IntOrString.of(0);
              d.spec.strategy.rollingUpdate.maxUnavailable = IntOrString.of("0%");
            },
            cause(
                "spec.strategy.rollingUpdate.maxUnavailable",
                "FieldValueInvalid",
                "Invalid value: \"0%\": may not be 0 when `maxSurge` is 0")),
        row(
            "maxUnavailable at most 100%",
            (Deployment d) -> d.spec.strategy.rollingUpdate.maxUnavailable = IntOrString.of("150%"),
            cause(
                "spec.strategy.rollingUpdate.maxUnavailable",
                "FieldValueInvalid",
                "Invalid value: \"150%\": must not be greater than 100%")),
        row(
            "maxSurge is a percentage",
            (Deployment d) -> d.spec.strategy.rollingUpdate.maxSurge = IntOrString.of("25"),
            cause(
                "spec.strategy.rollingUpdate.maxSurge",
                "FieldValueInvalid",
                "Invalid value: \"25\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")),
        row(
            "progress deadline beyond minReadySeconds",
            (Deployment d) -> d.spec.minReadySeconds = 600,
            cause(
                "spec.progressDeadlineSeconds",
                "FieldValueInvalid",
                "Invalid value: 600: must be greater than minReadySeconds")),
        row(
            "template restartPolicy Always",
            (Deployment d) -> d.spec.template.spec.restartPolicy = "Never",
            cause(
                "spec.template.spec.restartPolicy",
                "FieldValueNotSupported",
                "Unsupported value: \"Never\": supported values: \"Always\"")),
        row(
            "template containers validated",
            (Deployment d) -> d.spec.template.spec.containers.get(0).image = "",
            cause(
                "spec.template.spec.containers[0].image", "FieldValueRequired", "Required value")),
        row(
            "template labels valid",
            (Deployment d) ->
                d.spec.template.metadata.labels = Map.of("app", "api", "bad key", "x"),
            cause(
                "spec.template.labels",
                "FieldValueInvalid",
                "Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deploymentRules")
  void reportsEachDeploymentRule(
      String name, Consumer<Deployment> change, List<StatusCause> expected) {
    Deployment d = deployment();
    change.accept(d);
    Cases.assertCauses(Validation.validate(d, null), expected);
  }

  static Stream<Arguments> replicaSetRules() {
    return Stream.of(
        row(
            "selector required",
            (ReplicaSet rs) -> rs.spec.selector = null,
            cause("spec.selector", "FieldValueRequired", "Required value")),
        row(
            "template labels match selector",
            (ReplicaSet rs) -> rs.spec.template.metadata.labels = Map.of("app", "api"),
            cause(
                "spec.template.metadata.labels",
                "FieldValueInvalid",
                "Invalid value: {\"app\":\"api\"}: `selector` does not match template `labels`")),
        row(
            "replicas not negative",
            (ReplicaSet rs) -> rs.spec.replicas = -2,
            cause(
                "spec.replicas",
                "FieldValueInvalid",
                "Invalid value: -2: must be greater than or equal to 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replicaSetRules")
  void reportsEachReplicaSetRule(
      String name, Consumer<ReplicaSet> change, List<StatusCause> expected) {
    ReplicaSet rs = Cases.parse(REPLICASET, ReplicaSet.class);
    change.accept(rs);
    Cases.assertCauses(Validation.validate(rs, null), expected);
  }
}

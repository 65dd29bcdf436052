package dev.skiff.server.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.rbac.PolicyRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {
  private static PolicyRule rule(List<String> verbs, String group, String... resources) {
    return PolicyRule.resources(verbs, List.of(group), List.of(resources));
  }

  @Test
  void ownerRulesCoverWhatTheyHoldAndNothingMore() {
    List<PolicyRule> owner =
        List.of(
            rule(List.of("get", "list", "watch"), "", "pods", "configmaps"),
            rule(List.of("*"), "apps", "*/scale"),
            PolicyRule.urls(List.of("get"), List.of("/api/*")));

    assertThat(PolicyRules.uncovered(owner, List.of(rule(List.of("get"), "", "pods")))).isEmpty();
    assertThat(
            PolicyRules.uncovered(
                owner, List.of(rule(List.of("patch"), "apps", "deployments/scale"))))
        .isEmpty();
    assertThat(
            PolicyRules.uncovered(
                owner, List.of(PolicyRule.urls(List.of("get"), List.of("/api/v1")))))
        .isEmpty();
    assertThat(
            PolicyRules.uncovered(
                owner, List.of(rule(List.of("get", "delete"), "", "pods", "secrets"))))
        .hasSize(3);
  }

  @Test
  void missingRulesAreDescribedCompactlyAndSortedAsKubernetesPrintsThem() {
    List<PolicyRule> missing =
        PolicyRules.uncovered(
            List.of(rule(List.of("get"), "", "pods")),
            List.of(rule(List.of("get", "list", "delete"), "", "pods", "secrets")));

    assertThat(PolicyRules.describe(missing))
        .containsExactly(
            "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"list\" \"delete\"]}",
            "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\" \"delete\"]}");
  }

  @Test
  void namedRulesAreCoveredOnlyByUnnamedOrSameNamedRules() {
    PolicyRule named = rule(List.of("get"), "", "configmaps");
    named.resourceNames = List.of("a");
    PolicyRule wanted = rule(List.of("get"), "", "configmaps");
    wanted.resourceNames = List.of("a", "b");

    assertThat(PolicyRules.describe(PolicyRules.uncovered(List.of(named), List.of(wanted))))
        .containsExactly(
            "{APIGroups:[\"\"], Resources:[\"configmaps\"], ResourceNames:[\"b\"], Verbs:[\"get\"]}");
    assertThat(
            PolicyRules.uncovered(List.of(named), List.of(rule(List.of("get"), "", "configmaps"))))
        .hasSize(1);
  }
}

package dev.skiff.server.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.resource.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default policy, its aggregation, and how start-up reconciles it with what is stored. */
class BootstrapPolicyTest {
  private static ClusterRole role(List<ClusterRole> roles, String name) {
    return roles.stream().filter(r -> r.meta().name.equals(name)).findFirst().orElseThrow();
  }

  @Test
  void adminGathersEditWhichGathersViewEachRuleOnce() {
    List<ClusterRole> roles = PolicyBootstrap.withAggregatedRules(BootstrapPolicy.clusterRoles());
    List<PolicyRule> view = role(roles, "view").rules;
    List<PolicyRule> edit = role(roles, "edit").rules;
    List<PolicyRule> admin = role(roles, "admin").rules;

    assertThat(view).isEqualTo(role(roles, "system:aggregate-to-view").rules);
    assertThat(edit).hasSize(role(roles, "system:aggregate-to-edit").rules.size() + view.size());
    assertThat(admin).hasSize(role(roles, "system:aggregate-to-admin").rules.size() + edit.size());
    assertThat(role(roles, "edit").meta().labels)
        .containsEntry("rbac.authorization.k8s.io/aggregate-to-admin", "true")
        .containsEntry("kubernetes.io/bootstrapping", "rbac-defaults");
    assertThat(role(roles, "view").meta().annotations)
        .containsEntry("rbac.authorization.kubernetes.io/autoupdate", "true");
  }

  @Test
  void anAggregatedRoleFollowsTheLabelledRolesInNameOrder() {
    ClusterRole agg = new ClusterRole();
    agg.meta().name = "agg";
    agg.aggregationRule = new dev.skiff.api.model.rbac.AggregationRule();
    agg.aggregationRule.clusterRoleSelectors =
        List.of(new dev.skiff.api.model.meta.LabelSelector(Map.of("team", "a")));
    ClusterRole b =
        labelled("b", "a", PolicyRule.resources(List.of("get"), List.of(""), List.of("pods")));
    ClusterRole a =
        labelled("a", "a", PolicyRule.resources(List.of("get"), List.of(""), List.of("pods")));
    ClusterRole other =
        labelled("c", "z", PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")));
    a.rules =
        List.of(
            a.rules.get(0), PolicyRule.resources(List.of("list"), List.of(""), List.of("pods")));

    List<PolicyRule> rules = Aggregation.rules(agg, List.of(b, agg, other, a));

    assertThat(Json.mapper().valueToTree(rules).toString())
        .isEqualTo(
            "[{\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]},"
                + "{\"verbs\":[\"list\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}]");
    assertThat(Aggregation.rules(a, List.of(a))).isNull();
  }

  @Test
  void reconcilingAddsWhatADefaultLacksAndKeepsWhatWasAdded() {
    ClusterRoleBinding stored = BootstrapPolicy.clusterRoleBindings().get(1);
    stored.subjects =
        List.of(
            new dev.skiff.api.model.rbac.Subject(
                "User", "rbac.authorization.k8s.io", "jane", null));
    stored.meta().labels = Map.of("mine", "yes");

    ObjectNode merged =
        PolicyBootstrap.merged(
            Resources.CLUSTERROLEBINDINGS,
            Json.tree(stored),
            BootstrapPolicy.clusterRoleBindings().get(1));

    assertThat(merged.path("subjects").findValuesAsText("name"))
        .containsExactly("jane", "system:authenticated");
    assertThat(merged.path("metadata").path("labels").path("mine").asText()).isEqualTo("yes");
    assertThat(merged.path("metadata").path("labels").path("kubernetes.io/bootstrapping").asText())
        .isEqualTo("rbac-defaults");
    ClusterRoleBinding same = BootstrapPolicy.clusterRoleBindings().get(1);
    assertThat(PolicyBootstrap.merged(Resources.CLUSTERROLEBINDINGS, Json.tree(same), same))
        .isNull();
    stored.meta().annotations = Map.of(BootstrapPolicy.AUTOUPDATE, "false");
    assertThat(
            PolicyBootstrap.merged(
                Resources.CLUSTERROLEBINDINGS,
                Json.tree(stored),
                BootstrapPolicy.clusterRoleBindings().get(1)))
        .isNull();
  }

  private static ClusterRole labelled(String name, String team, PolicyRule rule) {
    ClusterRole r = new ClusterRole();
    r.meta().name = name;
    r.meta().labels = Map.of("team", team);
    r.rules = List.of(rule);
    return r;
  }
}

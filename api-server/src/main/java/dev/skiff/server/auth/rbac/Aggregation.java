package dev.skiff.server.auth.rbac;

import dev.skiff.api.Json;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.selector.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The clusterrole-aggregation controller's rule: an aggregated ClusterRole's rules are, selector by
 * selector, the rules of the other ClusterRoles it selects (by name), each rule once. Pure.
 */
public final class Aggregation {
  private Aggregation() {}

  /** The rules {@code role} should have, or null when it has no aggregationRule. */
  public static List<PolicyRule> rules(ClusterRole role, Collection<ClusterRole> all) {
    if (role.aggregationRule == null || role.aggregationRule.clusterRoleSelectors == null) {
      return null;
    }
    List<ClusterRole> sorted =
        all.stream().sorted(Comparator.comparing((ClusterRole r) -> r.meta().name)).toList();
    List<PolicyRule> rules = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    for (LabelSelector s : role.aggregationRule.clusterRoleSelectors) {
      Selector selector = Selector.from(s);
      for (ClusterRole other : sorted) {
        Map<String, String> labels = other.meta().labels == null ? Map.of() : other.meta().labels;
        if (other.meta().name.equals(role.meta().name) || !selector.matches(labels)) {
          continue;
        }
        for (PolicyRule rule : other.rules == null ? List.<PolicyRule>of() : other.rules) {
          Object tree = Json.tree(rule);
          if (!seen.contains(tree)) {
            seen.add(tree);
            rules.add(rule);
          }
        }
      }
    }
    return rules;
  }

  /** Whether {@code role}'s rules already equal {@code rules} (a null list is an empty one). */
  public static boolean same(ClusterRole role, List<PolicyRule> rules) {
    List<PolicyRule> current = role.rules == null ? List.of() : role.rules;
    return Json.mapper().valueToTree(current).equals(Json.mapper().valueToTree(rules));
  }
}

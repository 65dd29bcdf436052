package dev.skiff.server.auth.rbac;

import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.server.auth.Attributes;
import dev.skiff.server.auth.Authorizer;
import dev.skiff.server.auth.Decision;
import dev.skiff.server.auth.Rules;
import dev.skiff.server.auth.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * kube-apiserver's authorizer chain for {@code --authorization-mode=RBAC}: members of {@code
 * system:masters} may do everything (the privileged-group authorizer in front of RBAC), everyone
 * else what the RBAC objects grant them ({@link RuleResolver}). An allow names the binding ("RBAC:
 * allowed by ClusterRoleBinding ..."); a denial gives no reason unless a binding's role is missing
 * ("RBAC: clusterrole.rbac.authorization.k8s.io \"x\" not found"). Reads only memory: safe on an
 * event loop.
 */
public final class RbacAuthorizer implements Authorizer {
  private final RuleResolver resolver;

  public RbacAuthorizer(RbacPolicy policy) {
    this.resolver = new RuleResolver(policy);
  }

  public RuleResolver resolver() {
    return resolver;
  }

  @Override
  public Decision authorize(User user, Attributes a) {
    if (user.inGroup(User.MASTERS)) {
      return Decision.allow("");
    }
    String[] allowedBy = new String[1];
    List<String> errors =
        resolver.visit(
            user,
            a.namespace(),
            (source, rule) -> {
              if (PolicyRules.allows(a, rule)) {
                allowedBy[0] = source;
                return false;
              }
              return true;
            });
    if (allowedBy[0] != null) {
      return Decision.allow("RBAC: allowed by " + allowedBy[0]);
    }
    return Decision.deny(errors.isEmpty() ? "" : "RBAC: " + aggregate(errors));
  }

  @Override
  public Rules rules(User user, String namespace) {
    RuleResolver.Resolved resolved = resolver.rulesFor(user, namespace);
    List<Rules.ResourceRule> resourceRules = new ArrayList<>();
    List<Rules.NonResourceRule> nonResourceRules = new ArrayList<>();
    for (PolicyRule r : resolved.rules()) {
      if (r.nonResourceURLs != null && !r.nonResourceURLs.isEmpty()) {
        nonResourceRules.add(new Rules.NonResourceRule(list(r.verbs), r.nonResourceURLs));
      }
      if (r.resources != null && !r.resources.isEmpty()) {
        resourceRules.add(
            new Rules.ResourceRule(
                list(r.verbs), list(r.apiGroups), r.resources, list(r.resourceNames)));
      }
    }
    return new Rules(resourceRules, nonResourceRules, !resolved.errors().isEmpty());
  }

  /** utilerrors.NewAggregate(...).Error(): one message, or "[a, b]" (duplicates once). */
  static String aggregate(List<String> errors) {
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(errors));
    return unique.size() == 1 ? unique.get(0) : "[" + String.join(", ", unique) + "]";
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }
}

package dev.skiff.server.auth.rbac;

import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.model.rbac.Role;
import dev.skiff.api.model.rbac.RoleBinding;
import dev.skiff.api.model.rbac.RoleRef;
import dev.skiff.api.model.rbac.Subject;
import dev.skiff.server.auth.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' DefaultRuleResolver over an {@link RbacPolicy}: the rules that apply to a user in a
 * namespace are those of the roles bound to it by every ClusterRoleBinding, then by the
 * RoleBindings of that namespace. A binding whose role is missing contributes an error instead
 * ({@code clusterrole.rbac.authorization.k8s.io "x" not found}), which a denial reports.
 */
public final class RuleResolver {
  /** Sees each applicable rule with where it comes from; returns false to stop. */
  public interface Visitor {
    boolean visit(String source, PolicyRule rule);
  }

  /** The rules that apply and the errors met collecting them. */
  public record Resolved(List<PolicyRule> rules, List<String> errors) {}

  private final RbacPolicy policy;

  public RuleResolver(RbacPolicy policy) {
    this.policy = policy;
  }

  /**
   * Visits the rules bound to {@code user} cluster-wide and, when {@code namespace} is not empty,
   * in it, until the visitor says stop.
   *
   * @return the errors met (missing roles), in visiting order
   */
  public List<String> visit(User user, String namespace, Visitor visitor) {
    List<String> errors = new ArrayList<>();
    for (ClusterRoleBinding b : policy.clusterRoleBindings()) {
      Subject subject = appliesTo(user, b.subjects, "");
      if (subject == null) {
        continue;
      }
      String source =
          "ClusterRoleBinding "
              + quote(b.meta().name)
              + " of "
              + kind(b.roleRef)
              + " "
              + quote(name(b.roleRef))
              + " to "
              + describe(subject, "");
      if (!visitRules(b.roleRef, "", source, visitor, errors)) {
        return errors;
      }
    }
    if (namespace == null || namespace.isEmpty()) {
      return errors;
    }
    for (RoleBinding b : policy.roleBindings(namespace)) {
      Subject subject = appliesTo(user, b.subjects, namespace);
      if (subject == null) {
        continue;
      }
      String source =
          "RoleBinding "
              + quote(b.meta().name + "/" + namespace)
              + " of "
              + kind(b.roleRef)
              + " "
              + quote(name(b.roleRef))
              + " to "
              + describe(subject, namespace);
      if (!visitRules(b.roleRef, namespace, source, visitor, errors)) {
        return errors;
      }
    }
    return errors;
  }

  /** Every rule that applies to {@code user} in {@code namespace} (RulesFor). */
  public Resolved rulesFor(User user, String namespace) {
    List<PolicyRule> rules = new ArrayList<>();
    List<String> errors =
        visit(
            user,
            namespace,
            (source, rule) -> {
              rules.add(rule);
              return true;
            });
    return new Resolved(rules, errors);
  }

  /**
   * GetRoleReferenceRules: the rules of the role a binding in {@code namespace} ("" for a
   * ClusterRoleBinding) refers to.
   *
   * @throws RoleNotFound when the role does not exist
   */
  public List<PolicyRule> roleReferenceRules(RoleRef ref, String namespace) {
    String kind = kind(ref);
    if (kind.equals(ClusterRole.KIND)) {
      ClusterRole role = policy.clusterRole(name(ref));
      if (role == null) {
        throw new RoleNotFound("clusterroles", "clusterrole", name(ref));
      }
      return role.rules == null ? List.of() : role.rules;
    }
    if (kind.equals(Role.KIND)) {
      Role role = policy.role(namespace, name(ref));
      if (role == null) {
        throw new RoleNotFound("roles", "role", name(ref));
      }
      return role.rules == null ? List.of() : role.rules;
    }
    throw new RoleNotFound("", "unsupported role reference kind: " + quote(kind), "");
  }

  /** A binding's role does not exist; {@link #getMessage()} is the lister's NotFound text. */
  public static final class RoleNotFound extends RuntimeException {
    private final String resource;
    private final String name;

    RoleNotFound(String resource, String singular, String name) {
      super(
          resource.isEmpty()
              ? singular
              : singular + ".rbac.authorization.k8s.io " + quote(name) + " not found");
      this.resource = resource;
      this.name = name;
    }

    /** "roles" or "clusterroles"; empty for an unsupported kind. */
    public String resource() {
      return resource;
    }

    public String name() {
      return name;
    }
  }

  private boolean visitRules(
      RoleRef ref, String namespace, String source, Visitor visitor, List<String> errors) {
    List<PolicyRule> rules;
    try {
      rules = roleReferenceRules(ref, namespace);
    } catch (RoleNotFound e) {
      errors.add(e.getMessage());
      return true;
    }
    for (PolicyRule rule : rules) {
      if (!visitor.visit(source, rule)) {
        return false;
      }
    }
    return true;
  }

  /** The first subject that names the user (appliesTo), or null. */
  private static Subject appliesTo(User user, List<Subject> subjects, String namespace) {
    if (subjects == null) {
      return null;
    }
    for (Subject s : subjects) {
      if (applies(user, s, namespace)) {
        return s;
      }
    }
    return null;
  }

  static boolean applies(User user, Subject s, String namespace) {
    if (s.kind == null || s.name == null) {
      return false;
    }
    return switch (s.kind) {
      case Subject.USER -> user.username().equals(s.name);
      case Subject.GROUP -> user.inGroup(s.name);
      case Subject.SERVICE_ACCOUNT -> {
        String ns = s.namespace == null || s.namespace.isEmpty() ? namespace : s.namespace;
        yield !ns.isEmpty() && user.username().equals("system:serviceaccount:" + ns + ":" + s.name);
      }
      default -> false;
    };
  }

  /** describeSubject. */
  private static String describe(Subject s, String bindingNamespace) {
    if (Subject.SERVICE_ACCOUNT.equals(s.kind)) {
      String ns = s.namespace == null || s.namespace.isEmpty() ? bindingNamespace : s.namespace;
      return s.kind + " " + quote(s.name + "/" + ns);
    }
    return s.kind + " " + quote(s.name);
  }

  private static String kind(RoleRef ref) {
    return ref == null || ref.kind == null ? "" : ref.kind;
  }

  private static String name(RoleRef ref) {
    return ref == null || ref.name == null ? "" : ref.name;
  }

  private static String quote(String s) {
    return dev.skiff.api.status.GoText.quote(s);
  }
}

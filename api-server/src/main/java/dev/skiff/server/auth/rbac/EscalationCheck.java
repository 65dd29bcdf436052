package dev.skiff.server.auth.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.model.rbac.Role;
import dev.skiff.api.model.rbac.RoleRef;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.auth.Attributes;
import dev.skiff.server.auth.Authorizer;
import dev.skiff.server.auth.User;
import java.util.List;
import java.util.Objects;

/**
 * RBAC's privilege-escalation prevention on writes of roles and bindings (the policybased storage
 * of kube-apiserver). A user may write a Role or ClusterRole only with every permission it grants
 * (or the {@code escalate} verb on it), may write an {@code aggregationRule} only with full
 * authority, and may bind a role only when they hold its permissions in that namespace (or the
 * {@code bind} verb on it). Members of {@code system:masters} may do anything; an update that
 * changes only ownerReferences or finalizers is not checked. Refusals are 403 Forbidden in
 * Kubernetes' words.
 */
public final class EscalationCheck {
  private static final String GROUP = "rbac.authorization.k8s.io";
  private static final List<PolicyRule> FULL_AUTHORITY =
      List.of(
          PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")),
          PolicyRule.urls(List.of("*"), List.of("*")));

  private final Authorizer authorizer;
  private final RuleResolver resolver;

  public EscalationCheck(Authorizer authorizer, RuleResolver resolver) {
    this.authorizer = authorizer;
    this.resolver = resolver;
  }

  /**
   * Throws 403 Forbidden (or 404 for a binding to a missing role) when {@code user} may not write
   * {@code object}.
   *
   * @param namespace the request's namespace, "" for cluster-scoped kinds
   * @param requestName the name in the URL ("" for a create)
   * @param old the stored object an update replaces, or null
   */
  public void check(
      User user,
      ResourceType type,
      String namespace,
      String requestName,
      ObjectNode object,
      ObjectNode old) {
    if (user.inGroup(User.MASTERS) || (old != null && onlyGcFieldsChange(object, old))) {
      return;
    }
    String name = object.path("metadata").path("name").asText(requestName);
    if (type == Resources.ROLES || type == Resources.CLUSTERROLES) {
      Attributes escalate =
          Attributes.resource("escalate", GROUP, type.plural(), "", namespace, requestName);
      if (authorizer.authorize(user, escalate).allowed()) {
        return;
      }
      List<PolicyRule> rules =
          type == Resources.ROLES
              ? Json.convert(object, Role.class).rules
              : Json.convert(object, ClusterRole.class).rules;
      confirmNoEscalation(user, namespace, rules == null ? List.of() : rules, type, name);
      if (type == Resources.CLUSTERROLES
          && (hasAggregation(object) || (old != null && hasAggregation(old)))
          && !PolicyRules.uncovered(owned(user, namespace), FULL_AUTHORITY).isEmpty()) {
        throw forbidden(
            type, name, "must have cluster-admin privileges to use the aggregationRule");
      }
    } else if (type == Resources.ROLEBINDINGS || type == Resources.CLUSTERROLEBINDINGS) {
      RoleRef ref = Json.convert(object.path("roleRef"), RoleRef.class);
      if (ref == null) {
        ref = new RoleRef();
      }
      if (ref.apiGroup == null || ref.apiGroup.isEmpty()) {
        ref.apiGroup = GROUP;
      }
      if (bindAuthorized(user, ref, namespace)) {
        return;
      }
      List<PolicyRule> rules;
      try {
        rules = resolver.roleReferenceRules(ref, namespace);
      } catch (RuleResolver.RoleNotFound e) {
        if (e.resource().isEmpty()) {
          throw StatusException.internal(e.getMessage());
        }
        throw StatusException.notFound(GROUP, e.resource(), e.name());
      }
      confirmNoEscalation(user, namespace, rules, type, name);
    }
  }

  /** BindingAuthorized: the {@code bind} verb on the referenced role. */
  private boolean bindAuthorized(User user, RoleRef ref, String namespace) {
    String resource =
        switch (Objects.requireNonNullElse(ref.kind, "")) {
          case "ClusterRole" -> "clusterroles";
          case "Role" -> "roles";
          default -> null;
        };
    if (resource == null) {
      return false;
    }
    Attributes bind = Attributes.resource("bind", ref.apiGroup, resource, "", namespace, ref.name);
    return authorizer.authorize(user, bind).allowed();
  }

  /** ConfirmNoEscalation. */
  private void confirmNoEscalation(
      User user, String namespace, List<PolicyRule> rules, ResourceType type, String name) {
    RuleResolver.Resolved owner = resolver.rulesFor(user, namespace);
    List<PolicyRule> missing = PolicyRules.uncovered(owner.rules(), rules);
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "user "
            + dev.skiff.api.status.GoText.quote(user.username())
            + " (groups="
            + PolicyRules.goQuoted(user.groups())
            + ") is attempting to grant RBAC permissions not currently held:\n"
            + String.join("\n", PolicyRules.describe(missing));
    if (!owner.errors().isEmpty()) {
      message += "; resolution errors: [" + String.join(" ", owner.errors()) + "]";
    }
    throw forbidden(type, name, message);
  }

  private List<PolicyRule> owned(User user, String namespace) {
    return resolver.rulesFor(user, namespace).rules();
  }

  private static boolean hasAggregation(ObjectNode role) {
    JsonNode rule = role.get("aggregationRule");
    return rule != null && !rule.isNull();
  }

  /** IsOnlyMutatingGCFields: equal once ownerReferences and finalizers are set aside. */
  static boolean onlyGcFieldsChange(ObjectNode object, ObjectNode old) {
    ObjectNode a = withoutGcFields(object);
    ObjectNode b = withoutGcFields(old);
    return a.equals(b);
  }

  private static ObjectNode withoutGcFields(ObjectNode o) {
    ObjectNode copy = o.deepCopy();
    if (copy.get("metadata") instanceof ObjectNode meta) {
      meta.remove(List.of("ownerReferences", "finalizers", "resourceVersion", "managedFields"));
    }
    return copy;
  }

  private static StatusException forbidden(ResourceType type, String name, String why) {
    return new StatusException(
        Status.failure(
            403,
            Reason.FORBIDDEN,
            type.qualifiedName() + " \"" + name + "\" is forbidden: " + why,
            StatusDetails.of(GROUP, type.plural(), name)));
  }
}

package dev.skiff.server.auth.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.LabelSelector;
import dev.skiff.api.model.meta.ObjectMeta;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.ClusterRoleBinding;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.api.model.rbac.Subject;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.registry.FieldValidation;
import dev.skiff.server.registry.ObjectRegistry;
import dev.skiff.server.registry.Subresource;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reconciles the {@link BootstrapPolicy} at start-up, as kube-apiserver's rbac/bootstrap-roles hook
 * does, on any replica and idempotently: a missing default is created (an aggregated role with its
 * rules already gathered, so it works before the aggregation controller runs); an existing one
 * whose autoupdate annotation is not "false" gets what it lacks (labels, annotations, rules,
 * aggregation selectors, subjects) and keeps what was added to it.
 */
public final class PolicyBootstrap {
  private static final int ATTEMPTS = 5;

  private final ObjectRegistry registry;

  public PolicyBootstrap(ObjectRegistry registry) {
    this.registry = registry;
  }

  public Future<Void> reconcile() {
    List<Future<Void>> all = new ArrayList<>();
    for (ClusterRole role : withAggregatedRules(BootstrapPolicy.clusterRoles())) {
      all.add(ensure(Resources.CLUSTERROLES, role, ATTEMPTS));
    }
    for (ClusterRoleBinding binding : BootstrapPolicy.clusterRoleBindings()) {
      all.add(ensure(Resources.CLUSTERROLEBINDINGS, binding, ATTEMPTS));
    }
    return Future.all(all).mapEmpty();
  }

  /** The roles with the aggregated ones' rules filled in (nested aggregation included). */
  static List<ClusterRole> withAggregatedRules(List<ClusterRole> roles) {
    for (int round = 0; round < 3; round++) {
      for (ClusterRole role : roles) {
        List<PolicyRule> rules = Aggregation.rules(role, roles);
        if (rules != null) {
          role.rules = rules;
        }
      }
    }
    return roles;
  }

  private Future<Void> ensure(ResourceType type, KubeObject desired, int attempts) {
    String name = desired.meta().name;
    return registry
        .get(type, null, name)
        .compose(
            current -> {
              ObjectNode merged = merged(type, current, desired);
              if (merged == null) {
                return Future.<Void>succeededFuture();
              }
              return registry
                  .replace(
                      type, null, name, merged, Subresource.MAIN, false, FieldValidation.IGNORE)
                  .<Void>mapEmpty();
            },
            e -> {
              if (!Errors.isNotFound(e)) {
                return Future.failedFuture(e);
              }
              return registry.create(type, null, Json.tree(desired), false).<Void>mapEmpty();
            })
        .recover(
            e ->
                attempts > 1 && (Errors.isConflict(e) || Errors.isAlreadyExists(e))
                    ? ensure(type, desired, attempts - 1)
                    : Future.failedFuture(e));
  }

  /** The stored object with what the default adds, or null when nothing is missing. */
  static ObjectNode merged(ResourceType type, ObjectNode current, KubeObject desired) {
    KubeObject stored = Json.convert(current, type.type());
    ObjectMeta meta = stored.meta();
    if (meta.annotations != null
        && "false".equals(meta.annotations.get(BootstrapPolicy.AUTOUPDATE))) {
      return null;
    }
    boolean changed = false;
    Map<String, String> labels = addMissing(meta.labels, desired.meta().labels);
    if (!labels.equals(meta.labels == null ? Map.of() : meta.labels)) {
      meta.labels = labels;
      changed = true;
    }
    Map<String, String> annotations = addMissing(meta.annotations, desired.meta().annotations);
    if (!annotations.equals(meta.annotations == null ? Map.of() : meta.annotations)) {
      meta.annotations = annotations;
      changed = true;
    }
    if (stored instanceof ClusterRole role && desired instanceof ClusterRole want) {
      changed |= role(role, want);
    } else if (stored instanceof ClusterRoleBinding b
        && desired instanceof ClusterRoleBinding want) {
      List<Subject> subjects = b.subjects == null ? new ArrayList<>() : new ArrayList<>(b.subjects);
      for (Subject s : want.subjects) {
        if (subjects.stream().noneMatch(have -> sameSubject(have, s))) {
          subjects.add(s);
          changed = true;
        }
      }
      b.subjects = subjects;
    }
    return changed ? Json.tree(stored) : null;
  }

  private static boolean role(ClusterRole role, ClusterRole want) {
    boolean changed = false;
    if (want.aggregationRule != null) {
      if (role.aggregationRule == null) {
        role.aggregationRule = want.aggregationRule;
        return true;
      }
      List<LabelSelector> selectors =
          role.aggregationRule.clusterRoleSelectors == null
              ? new ArrayList<>()
              : new ArrayList<>(role.aggregationRule.clusterRoleSelectors);
      for (LabelSelector s : want.aggregationRule.clusterRoleSelectors) {
        if (selectors.stream().noneMatch(have -> Json.tree(have).equals(Json.tree(s)))) {
          selectors.add(s);
          changed = true;
        }
      }
      role.aggregationRule.clusterRoleSelectors = selectors;
      return changed;
    }
    List<PolicyRule> rules = role.rules == null ? new ArrayList<>() : new ArrayList<>(role.rules);
    for (PolicyRule r : want.rules) {
      if (!PolicyRules.uncovered(rules, List.of(r)).isEmpty()) {
        rules.add(r);
        changed = true;
      }
    }
    role.rules = rules;
    return changed;
  }

  private static Map<String, String> addMissing(
      Map<String, String> have, Map<String, String> want) {
    Map<String, String> out = have == null ? new LinkedHashMap<>() : new LinkedHashMap<>(have);
    if (want != null) {
      want.forEach(out::putIfAbsent);
    }
    return out;
  }

  private static boolean sameSubject(Subject a, Subject b) {
    return Objects.equals(a.kind, b.kind)
        && Objects.equals(a.name, b.name)
        && Objects.equals(a.namespace, b.namespace);
  }
}

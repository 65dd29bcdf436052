package dev.skiff.server.controller.clusterroleaggregation;

import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.rbac.ClusterRole;
import dev.skiff.api.model.rbac.PolicyRule;
import dev.skiff.server.auth.rbac.Aggregation;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Kubernetes' clusterrole-aggregation controller: an aggregated ClusterRole's rules are kept equal
 * to what {@link Aggregation#rules} gathers from the ClusterRoles its selectors match. Keys are
 * aggregated roles' names; any ClusterRole event enqueues every aggregated role (a label change can
 * add a role to, or remove it from, any of them).
 */
public final class ClusterRoleAggregationController extends QueueController {
  public static final String NAME = "clusterrole-aggregation";

  private final KubeClient client;
  private final Informer<ClusterRole> roles;

  public ClusterRoleAggregationController(Vertx vertx, SharedInformers informers) {
    super(vertx, NAME, 1);
    this.client = informers.client();
    this.roles = informers.of(ClusterRole.class);
    watch(roles, role -> aggregatedNames());
  }

  private List<String> aggregatedNames() {
    return roles.list().stream()
        .filter(r -> r.aggregationRule != null)
        .map(r -> r.meta().name)
        .toList();
  }

  @Override
  protected Future<Void> sync(String name) {
    ClusterRole role = roles.get(null, name);
    if (role == null) {
      return Future.succeededFuture();
    }
    List<PolicyRule> rules = Aggregation.rules(role, roles.list());
    if (rules == null || Aggregation.same(role, rules)) {
      return Future.succeededFuture();
    }
    // never change the cached object: write a copy
    ClusterRole updated = Json.convert(Json.tree(role), ClusterRole.class);
    updated.rules = rules;
    // Conflict or NotFound: the cache is behind; the informer's event enqueues it again.
    return client
        .update(updated)
        .recover(
            e ->
                Errors.isConflict(e) || Errors.isNotFound(e)
                    ? Future.succeededFuture()
                    : Future.failedFuture(e))
        .mapEmpty();
  }
}

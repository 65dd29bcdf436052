package dev.skiff.server.auth.rbac;

import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * RBAC for one api-server replica: the policy cache fed by the store ({@link RbacCache}), the
 * authorizer every request goes through ({@link RbacAuthorizer}) and the escalation guard on role
 * and binding writes ({@link EscalationGuard}). {@link #start} lists the policy and reconciles the
 * default roles and bindings ({@link PolicyBootstrap}) before the replica serves.
 */
public final class Rbac {
  private final RbacCache cache;
  private final RbacAuthorizer authorizer;
  private final EscalationGuard guard;

  private Rbac(RbacCache cache, ObjectRegistry registry) {
    this.cache = cache;
    this.authorizer = new RbacAuthorizer(cache.policy());
    this.guard =
        new EscalationGuard(registry, new EscalationCheck(authorizer, authorizer.resolver()));
  }

  /** Starts the cache and reconciles the bootstrap policy; call on the replica's context. */
  public static Future<Rbac> start(Vertx vertx, ObjectRegistry registry) {
    RbacCache cache = new RbacCache(vertx, registry.store());
    return cache
        .start()
        .compose(v -> new PolicyBootstrap(registry).reconcile())
        .map(v -> new Rbac(cache, registry));
  }

  public RbacAuthorizer authorizer() {
    return authorizer;
  }

  public RbacPolicy policy() {
    return cache.policy();
  }

  /** Mounts the escalation guard in front of the resource routes. */
  public void mountGuard(Router router) {
    guard.mount(router);
  }
}

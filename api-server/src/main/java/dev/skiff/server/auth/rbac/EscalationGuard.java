package dev.skiff.server.auth.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.auth.User;
import dev.skiff.server.http.Bodies;
import dev.skiff.server.http.ResourcePath;
import dev.skiff.server.patch.ApplyPatch;
import dev.skiff.server.patch.Patches;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Runs the {@link EscalationCheck} on POST, PUT and PATCH of roles and bindings before the write
 * handlers see them: the object checked is the request's body or, for a PATCH, the patch applied to
 * the stored object (an apply patch of an absent object is the object itself). A body this guard
 * cannot read is left for the write handler to refuse.
 */
public final class EscalationGuard implements Handler<RoutingContext> {
  private static final String GROUP = "rbac.authorization.k8s.io";

  private final ObjectRegistry registry;
  private final EscalationCheck check;

  public EscalationGuard(ObjectRegistry registry, EscalationCheck check) {
    this.registry = registry;
    this.check = check;
  }

  public void mount(Router router) {
    router.routeWithRegex("/apis/rbac\\.authorization\\.k8s\\.io/([^/]+)/(.+)").handler(this);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    User user = User.of(ctx);
    if (user.inGroup(User.MASTERS)
        || !(method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
      ctx.next();
      return;
    }
    Optional<ResourcePath> parsed =
        ResourcePath.parse(GROUP, ctx.pathParam("param0"), ctx.pathParam("param1").split("/", -1));
    if (parsed.isEmpty() || parsed.get().subresource() != null) {
      ctx.next();
      return;
    }
    ResourcePath path = parsed.get();
    boolean create = method == HttpMethod.POST;
    if (create != path.isCollection()) {
      ctx.next();
      return;
    }
    String namespace = path.namespace() == null ? "" : path.namespace();
    String name = path.name() == null ? "" : path.name();
    target(ctx, path, method)
        .onSuccess(
            t -> {
              if (t == null) {
                ctx.next();
                return;
              }
              try {
                check.check(user, path.type(), namespace, name, t.object(), t.old());
              } catch (StatusException e) {
                ctx.fail(e);
                return;
              }
              ctx.next();
            })
        .onFailure(e -> ctx.next());
  }

  /** The object to write and the stored one (null on create); null when not readable here. */
  private Future<Target> target(RoutingContext ctx, ResourcePath path, HttpMethod method) {
    try {
      if (method == HttpMethod.POST) {
        return Future.succeededFuture(new Target(Bodies.object(ctx), null));
      }
      if (method == HttpMethod.PUT) {
        ObjectNode body = Bodies.object(ctx);
        return registry
            .get(path.type(), path.namespace(), path.name())
            .map(old -> new Target(body, old))
            .recover(
                e ->
                    Errors.isNotFound(e)
                        ? Future.succeededFuture(new Target(body, null))
                        : Future.failedFuture(e));
      }
      byte[] patch = Bodies.patch(ctx);
      String contentType = Bodies.patchType(ctx);
      return registry
          .get(path.type(), path.namespace(), path.name())
          .map(old -> new Target(Patches.apply(old, patch, contentType, path.type()), old))
          .recover(
              e ->
                  Errors.isNotFound(e) && PatchType.APPLY.contentType().equals(contentType)
                      ? Future.succeededFuture(new Target(ApplyPatch.parse(patch), null))
                      : Future.failedFuture(e));
    } catch (StatusException e) {
      return Future.succeededFuture(null);
    }
  }

  private record Target(ObjectNode object, ObjectNode old) {}
}

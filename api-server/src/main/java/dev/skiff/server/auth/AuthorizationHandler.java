package dev.skiff.server.auth;

import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Asks the {@link Authorizer} about every request after authentication; a denied request fails 403
 * Forbidden worded as kube-apiserver words it.
 */
public final class AuthorizationHandler implements Handler<RoutingContext> {
  private final Authorizer authorizer;

  public AuthorizationHandler(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean watch = "true".equals(ctx.request().getParam("watch"));
    Attributes a = RequestAttributes.of(ctx.request().method(), ctx.request().path(), watch);
    User user = User.of(ctx);
    Decision decision = authorizer.authorize(user, a);
    if (decision.allowed()) {
      ctx.next();
    } else {
      ctx.fail(forbidden(user, a, decision.reason()));
    }
  }

  /**
   * responsewriters.Forbidden: {@code NewForbidden(group-resource, name, "User ... cannot ...")};
   * the prefix names the resource without its subresource ({@code pods "web" is forbidden: User "u"
   * cannot get resource "pods/log" ...}), qualified by its group ({@code deployments.apps}).
   */
  public static StatusException forbidden(User user, Attributes a, String reason) {
    String message;
    if (a.resourceRequest()) {
      String qualified = a.resource() + (a.subresource().isEmpty() ? "" : "/" + a.subresource());
      String groupResource = a.group().isEmpty() ? a.resource() : a.resource() + "." + a.group();
      message =
          groupResource
              + (a.name().isEmpty() ? "" : " \"" + a.name() + "\"")
              + " is forbidden: User \""
              + user.username()
              + "\" cannot "
              + a.verb()
              + " resource \""
              + qualified
              + "\" in API group \""
              + a.group()
              + "\""
              + (a.namespace().isEmpty()
                  ? " at the cluster scope"
                  : " in the namespace \"" + a.namespace() + "\"");
    } else {
      message =
          "forbidden: User \""
              + user.username()
              + "\" cannot "
              + a.verb()
              + " path \""
              + a.path()
              + "\"";
    }
    if (!reason.isEmpty()) {
      message += ": " + reason;
    }
    StatusDetails details =
        a.resourceRequest() ? StatusDetails.of(a.group(), a.resource(), a.name()) : null;
    return new StatusException(Status.failure(403, Reason.FORBIDDEN, message, details));
  }
}

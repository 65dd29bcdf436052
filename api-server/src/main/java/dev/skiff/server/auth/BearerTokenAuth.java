package dev.skiff.server.auth;

import dev.skiff.api.auth.BearerToken;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Requires {@code Authorization: Bearer <token>} on every request except the public health and
 * version endpoints (which the real server also serves anonymously). Fails 401 Unauthorized. The
 * token is the cluster's admin token or, when {@link ServiceAccountTokens} are given, a
 * ServiceAccount token, or, when {@link NodeTokens} are given, a node's token; the request's {@link
 * User} is put on its context.
 */
public final class BearerTokenAuth implements Handler<RoutingContext> {
  private static final Set<String> PUBLIC = Set.of("/healthz", "/livez", "/readyz", "/version");

  private final BearerToken token;
  private final ServiceAccountTokens serviceAccounts;
  private final NodeTokens nodeTokens;

  public BearerTokenAuth(String token) {
    this(token, null);
  }

  /**
   * @param serviceAccounts checks ServiceAccount tokens, or null to accept only the admin token
   */
  public BearerTokenAuth(String token, ServiceAccountTokens serviceAccounts) {
    this(token, serviceAccounts, null);
  }

  /**
   * @param nodeTokens checks node tokens ({@code skiff agent}), or null to accept none
   */
  public BearerTokenAuth(
      String token, ServiceAccountTokens serviceAccounts, NodeTokens nodeTokens) {
    this.token = new BearerToken(token);
    this.serviceAccounts = serviceAccounts;
    this.nodeTokens = nodeTokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String presented = BearerToken.presented(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (token.matches(presented)) {
      User.ADMIN.attach(ctx);
      ctx.next();
    } else if (PUBLIC.contains(ctx.request().path())) {
      ctx.next();
    } else if (presented != null
        && (serviceAccounts != null
            || nodeTokens != null && NodeTokens.looksLikeNodeToken(presented))) {
      // the check is asynchronous: hold the body until the BodyHandler after us reads it
      ctx.request().pause();
      (nodeTokens != null && NodeTokens.looksLikeNodeToken(presented)
              ? nodeTokens.authenticate(presented)
              : serviceAccounts.authenticate(presented))
          .onSuccess(
              user -> {
                user.attach(ctx);
                ctx.next();
              })
          .onFailure(e -> ctx.fail(StatusException.unauthorized()));
    } else {
      ctx.fail(StatusException.unauthorized());
    }
  }
}

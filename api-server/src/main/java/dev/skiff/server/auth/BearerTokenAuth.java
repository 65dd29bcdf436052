package dev.skiff.server.auth;

import dev.skiff.api.status.StatusException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Requires {@code Authorization: Bearer <token>} on every request except the public health and
 * version endpoints (which the real server also serves anonymously). Fails 401 Unauthorized. The
 * token's holder is the cluster admin ({@link User#ADMIN}).
 */
public final class BearerTokenAuth implements Handler<RoutingContext> {
  private static final Set<String> PUBLIC = Set.of("/healthz", "/livez", "/readyz", "/version");
  private static final String PREFIX = "Bearer ";

  private final byte[] token;

  public BearerTokenAuth(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("a token is required");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (authorized(ctx)) {
      User.ADMIN.attach(ctx);
      ctx.next();
    } else if (PUBLIC.contains(ctx.request().path())) {
      ctx.next();
    } else {
      ctx.fail(StatusException.unauthorized());
    }
  }

  private boolean authorized(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, token);
  }
}

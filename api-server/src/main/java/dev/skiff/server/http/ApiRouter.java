package dev.skiff.server.http;

import dev.skiff.server.auth.AuthorizationHandler;
import dev.skiff.server.auth.Authorizer;
import dev.skiff.server.auth.BearerTokenAuth;
import dev.skiff.server.auth.Impersonation;
import dev.skiff.server.auth.NodeAuthorizer;
import dev.skiff.server.auth.NodeTokens;
import dev.skiff.server.auth.ServiceAccountTokens;
import dev.skiff.server.auth.TokenRequestHandler;
import dev.skiff.server.auth.rbac.Rbac;
import dev.skiff.server.discovery.DiscoveryRoutes;
import dev.skiff.server.metrics.MetricsRoutes;
import dev.skiff.server.openapi.OpenApiRoutes;
import dev.skiff.server.review.ReviewRoutes;
import dev.skiff.server.stream.PodStreamRoutes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Supplier;

/**
 * The whole HTTP surface: authentication, authorization, body limit, health, /metrics, discovery,
 * OpenAPI, reviews, metrics.k8s.io, resources, errors.
 */
public final class ApiRouter {
  private ApiRouter() {}

  /**
   * @param serverAddress host:port advertised in discovery
   * @param metrics serves {@code /metrics} (authenticated, as every path but health and version)
   * @param rbac the replica's RBAC: its authorizer answers every request and the reviews
   */
  public static Router create(
      ApiContext api,
      String token,
      Supplier<String> serverAddress,
      MetricsEndpoint metrics,
      Rbac rbac) {
    Router router = Router.router(api.vertx());
    Authorizer authorizer = new NodeAuthorizer(rbac.authorizer());
    ServiceAccountTokens tokens =
        new ServiceAccountTokens(api.vertx(), api.registry(), api.clock());
    router.route().handler(new BearerTokenAuth(token, tokens, new NodeTokens(api.registry())));
    router.route().handler(new Impersonation(authorizer));
    router.route().handler(new AuthorizationHandler(authorizer));
    new PodStreamRoutes(api).mount(router);
    BodyHandler bodies =
        BodyHandler.create(false).setBodyLimit(Limits.BODY_BYTES).setHandleFileUploads(false);
    // A WebSocket watch has no body, and reading its (empty) body would end the request before the
    // watch upgrades it (WatchHandler): it passes unread.
    router
        .route()
        .handler(
            ctx -> {
              if (WatchHandler.isUpgrade(ctx)) {
                ctx.next();
              } else {
                bodies.handle(ctx);
              }
            });
    for (String health : new String[] {"/healthz", "/livez", "/readyz"}) {
      router
          .get(health)
          .handler(
              ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("ok"));
    }
    router.get("/metrics").handler(metrics);
    new DiscoveryRoutes(serverAddress, api.registry().kinds()).mount(router);
    new OpenApiRoutes(api.registry().kinds()).mount(router);
    new ReviewRoutes(authorizer).mount(router);
    new MetricsRoutes(api).mount(router);
    new TokenRequestHandler(api.registry(), tokens, api.clock()).mount(router);
    rbac.mountGuard(router);
    new ResourceRoutes(api).mount(router);
    router.route().handler(ctx -> ctx.fail(HttpErrors.pathNotFound()));
    router.route().failureHandler(new FailureHandler());
    return router;
  }
}

package dev.skiff.server.http;

import dev.skiff.server.auth.AdminAuthorizer;
import dev.skiff.server.auth.AuthorizationHandler;
import dev.skiff.server.auth.Authorizer;
import dev.skiff.server.auth.BearerTokenAuth;
import dev.skiff.server.auth.NodeAuthorizer;
import dev.skiff.server.auth.NodeTokens;
import dev.skiff.server.auth.ServiceAccountTokens;
import dev.skiff.server.auth.TokenRequestHandler;
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
   */
  public static Router create(ApiContext api, String token, Supplier<String> serverAddress) {
    return create(api, token, serverAddress, new MetricsEndpoint());
  }

  /**
   * @param metrics serves {@code /metrics} (authenticated, as every path but health and version)
   */
  public static Router create(
      ApiContext api, String token, Supplier<String> serverAddress, MetricsEndpoint metrics) {
    Router router = Router.router(api.vertx());
    Authorizer authorizer = new NodeAuthorizer(new AdminAuthorizer());
    ServiceAccountTokens tokens =
        new ServiceAccountTokens(api.vertx(), api.registry(), api.clock());
    router.route().handler(new BearerTokenAuth(token, tokens, new NodeTokens(api.registry())));
    router.route().handler(new AuthorizationHandler(authorizer));
    new PodStreamRoutes(api).mount(router);
    router
        .route()
        .handler(
            BodyHandler.create(false).setBodyLimit(Limits.BODY_BYTES).setHandleFileUploads(false));
    for (String health : new String[] {"/healthz", "/livez", "/readyz"}) {
      router
          .get(health)
          .handler(
              ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("ok"));
    }
    router.get("/metrics").handler(metrics);
    new DiscoveryRoutes(serverAddress).mount(router);
    new OpenApiRoutes().mount(router);
    new ReviewRoutes(authorizer).mount(router);
    new MetricsRoutes(api).mount(router);
    new TokenRequestHandler(api.registry(), tokens, api.clock()).mount(router);
    new ResourceRoutes(api).mount(router);
    router.route().handler(ctx -> ctx.fail(HttpErrors.pathNotFound()));
    router.route().failureHandler(new FailureHandler());
    return router;
  }
}

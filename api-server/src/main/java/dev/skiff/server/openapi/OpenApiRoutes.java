package dev.skiff.server.openapi;

import dev.skiff.server.http.HttpErrors;
import dev.skiff.server.http.Replies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /openapi/v3} and its group-version documents. {@code /openapi/v2} is not served (404):
 * kubectl would proto-decode whatever it got there.
 */
public final class OpenApiRoutes {
  private final OpenApiDocuments documents = new OpenApiDocuments();

  public void mount(Router router) {
    router
        .get("/openapi/v3")
        .handler(ctx -> Replies.bytes(ctx, 200, Replies.JSON, documents.index()));
    router.getWithRegex("/openapi/v3/(.+)").handler(this::document);
  }

  private void document(RoutingContext ctx) {
    String path = ctx.pathParam("param0");
    byte[] doc = documents.document(path);
    if (doc == null) {
      ctx.fail(HttpErrors.pathNotFound());
      return;
    }
    String hash = ctx.request().getParam("hash");
    if (hash != null && hash.equals(documents.hash(path))) {
      ctx.response().putHeader("Cache-Control", "public, immutable");
    }
    ctx.response().putHeader("ETag", "\"" + documents.hash(path) + "\"");
    Replies.bytes(ctx, 200, Replies.JSON, doc);
  }
}

package dev.skiff.server.openapi;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.crd.CustomKinds;
import dev.skiff.server.discovery.ApiGroups;
import dev.skiff.server.http.HttpErrors;
import dev.skiff.server.http.Replies;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /openapi/v2}, {@code /openapi/v3} and the v3 group-version documents, cached as
 * kube-apiserver caches them: every reply has an ETag and a matching {@code If-None-Match} is a
 * 304; a v3 document fetched with its current {@code hash} is {@code public, immutable} for a year,
 * with a stale hash it redirects to the current one, without one it must be revalidated.
 *
 * <p>{@code /openapi/v2} is JSON only. kubectl asks for it solely as gnostic protobuf ({@code
 * application/com.github.proto-openapi.spec.v2@v1.0+protobuf}) and decodes whatever comes back as
 * protobuf, so a request that does not accept JSON gets 406 NotAcceptable: kubectl then uses v3 or
 * its compiled-in types, as it does against a server without v2.
 */
public final class OpenApiRoutes {
  private static final String REVALIDATE = "no-cache, private";
  private static final String IMMUTABLE = "public, immutable, max-age=31536000";

  private final CustomKinds kinds;
  private final OpenApiDocuments builtIn = new OpenApiDocuments();
  private volatile Documents current;

  /** The documents for one generation of the custom kinds. */
  private record Documents(long generation, OpenApiDocuments documents) {}

  public OpenApiRoutes() {
    this(new CustomKinds());
  }

  /**
   * @param kinds custom kinds whose schemas the documents publish besides the built-in kinds'
   */
  public OpenApiRoutes(CustomKinds kinds) {
    this.kinds = kinds;
  }

  public void mount(Router router) {
    router.get("/openapi/v2").handler(this::v2);
    router
        .get("/openapi/v3")
        .handler(
            ctx ->
                documents(ctx)
                    .onSuccess(docs -> send(ctx, docs.v3Index(), REVALIDATE))
                    .onFailure(ctx::fail));
    router.getWithRegex("/openapi/v3/(.+)").handler(this::v3);
  }

  private void v2(RoutingContext ctx) {
    if (!acceptsJson(ctx.request().getHeader(HttpHeaders.ACCEPT))) {
      ctx.fail(
          new StatusException(
              Status.failure(
                  406,
                  Reason.NOT_ACCEPTABLE,
                  "only the following media types are accepted: application/json",
                  null)));
      return;
    }
    documents(ctx).onSuccess(docs -> send(ctx, docs.v2(), REVALIDATE)).onFailure(ctx::fail);
  }

  /**
   * The built-in documents, or (once there are custom kinds) ones rebuilt on a worker thread when
   * those change.
   */
  private Future<OpenApiDocuments> documents(RoutingContext ctx) {
    long generation = kinds.generation();
    if (generation == 0) {
      return Future.succeededFuture(builtIn);
    }
    Documents d = current;
    if (d != null && d.generation() == generation) {
      return Future.succeededFuture(d.documents());
    }
    List<ResourceType> types = kinds.types();
    return ctx.vertx()
        .executeBlocking(() -> new OpenApiDocuments(ApiGroups.withCustom(types)), false)
        .map(
            docs -> {
              current = new Documents(generation, docs);
              return docs;
            });
  }

  private void v3(RoutingContext ctx) {
    documents(ctx).onSuccess(docs -> v3(ctx, docs)).onFailure(ctx::fail);
  }

  private void v3(RoutingContext ctx, OpenApiDocuments docs) {
    String path = ctx.pathParam("param0");
    OpenApiDocuments.Document doc = docs.v3(path);
    if (doc == null) {
      ctx.fail(HttpErrors.pathNotFound());
      return;
    }
    String hash = ctx.request().getParam("hash");
    if (hash == null) {
      send(ctx, doc, REVALIDATE);
    } else if (hash.equals(doc.hash())) {
      send(ctx, doc, IMMUTABLE);
    } else {
      ctx.response()
          .setStatusCode(301)
          .putHeader(HttpHeaders.LOCATION, "/openapi/v3/" + path + "?hash=" + doc.hash())
          .putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE)
          .end();
    }
  }

  private static void send(RoutingContext ctx, OpenApiDocuments.Document doc, String cacheControl) {
    String etag = "\"" + doc.hash() + "\"";
    ctx.response()
        .putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    Replies.bytes(ctx, 200, Replies.JSON, doc.body());
  }

  /** Whether an Accept header admits JSON; a missing header does. */
  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String range : accept.split(",")) {
      String type = range.split(";")[0].trim();
      if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
        return true;
      }
    }
    return false;
  }
}

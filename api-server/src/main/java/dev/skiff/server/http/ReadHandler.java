package dev.skiff.server.http;

import dev.skiff.api.selector.ObjectFilter;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.table.IncludeObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** GET of one object and of collections (JSON lists or Tables). */
final class ReadHandler {
  /** Lists larger than this are encoded on a worker thread, off the event loop. */
  private static final int INLINE_ENCODE_LIMIT = 500;

  private final ApiContext api;

  ReadHandler(ApiContext api) {
    this.api = api;
  }

  void get(RoutingContext ctx, ResourcePath path) {
    api.registry()
        .get(path.type(), path.namespace(), path.name())
        .onSuccess(object -> ObjectReplies.object(ctx, api.clock(), path.type(), 200, object))
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx, ResourcePath path) {
    QueryParams query = new QueryParams(ctx);
    ObjectFilter filter =
        ObjectFilter.of(query.get("labelSelector"), query.get("fieldSelector"), path.type());
    boolean table = Negotiation.wantsTable(ctx);
    IncludeObject include = IncludeObject.parse(query.get("includeObject"));
    api.registry()
        .list(path.type(), path.namespace())
        .compose(
            result -> {
              if (result.objects().size() <= INLINE_ENCODE_LIMIT) {
                return io.vertx.core.Future.succeededFuture(
                    encode(path, result, filter, table, include));
              }
              return api.vertx()
                  .executeBlocking(() -> encode(path, result, filter, table, include), false);
            })
        .onSuccess(body -> Replies.buffer(ctx, 200, Replies.JSON, body))
        .onFailure(ctx::fail);
  }

  private Buffer encode(
      ResourcePath path,
      ListResult result,
      ObjectFilter filter,
      boolean table,
      IncludeObject include) {
    return table
        ? ListEncoder.table(path.type(), result, filter, include, api.clock().instant())
        : ListEncoder.list(path.type(), result, filter);
  }
}

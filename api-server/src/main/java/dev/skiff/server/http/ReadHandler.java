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

  /** A resourceVersion newer than this replica has seen waits for it, then is 504 Timeout. */
  void get(RoutingContext ctx, ResourcePath path) {
    api.registry()
        .store()
        .awaitResourceVersion(new QueryParams(ctx).resourceVersion())
        .compose(v -> api.registry().get(path.type(), path.namespace(), path.name()))
        .onSuccess(object -> ObjectReplies.object(ctx, api.clock(), path.type(), 200, object))
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx, ResourcePath path) {
    QueryParams query = new QueryParams(ctx);
    ObjectFilter filter =
        ObjectFilter.of(query.get("labelSelector"), query.get("fieldSelector"), path.type());
    boolean table = Negotiation.wantsTable(ctx);
    IncludeObject include = IncludeObject.parse(query.get("includeObject"));
    ListOptions options = ListOptions.of(query);
    boolean acrossNamespaces = path.type().namespaced() && path.namespace() == null;
    options
        .snapshot(api.registry(), path.type(), path.namespace())
        .compose(
            result -> {
              if (result.objects().size() <= INLINE_ENCODE_LIMIT) {
                return io.vertx.core.Future.succeededFuture(
                    encode(path, options, result, filter, table, include, acrossNamespaces));
              }
              return api.vertx()
                  .executeBlocking(
                      () -> encode(path, options, result, filter, table, include, acrossNamespaces),
                      false);
            })
        .onSuccess(body -> Replies.buffer(ctx, 200, Replies.JSON, body))
        .onFailure(ctx::fail);
  }

  private Buffer encode(
      ResourcePath path,
      ListOptions options,
      ListResult result,
      ObjectFilter filter,
      boolean table,
      IncludeObject include,
      boolean acrossNamespaces) {
    ListOptions.Page page = options.page(result, filter, acrossNamespaces);
    // a page is filtered already
    ObjectFilter rest = page.result() == result ? filter : ObjectFilter.of(null, null, path.type());
    return table
        ? ListEncoder.table(path.type(), page, rest, include, api.clock().instant())
        : ListEncoder.list(path.type(), page, rest);
  }
}

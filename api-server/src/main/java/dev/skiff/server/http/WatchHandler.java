package dev.skiff.server.http;

import dev.skiff.api.selector.FieldSelector;
import dev.skiff.api.selector.ObjectFilter;
import dev.skiff.api.selector.Selector;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.store.StoredObject;
import dev.skiff.server.store.WatchRequest;
import dev.skiff.server.table.IncludeObject;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code ?watch=true}, as a streaming HTTP response or over a WebSocket: resourceVersion unset or
 * "0" sends the current state as ADDED events first (from a list snapshot, then changes after the
 * snapshot); "N" sends only changes after N, or 410 Expired (as an HTTP status, before streaming)
 * when N is no longer retained. sendInitialEvents follows the watch-list rules: true adds a
 * BOOKMARK marked {@code k8s.io/initial-events-end} after the initial events; false skips them.
 */
final class WatchHandler {
  private final ApiContext api;

  WatchHandler(ApiContext api) {
    this.api = api;
  }

  void watch(RoutingContext ctx, ResourcePath path) {
    boolean webSocket = isUpgrade(ctx);
    if (webSocket) {
      // held until the upgrade, once the store watch is open
      ctx.request().pause();
    }
    QueryParams query = new QueryParams(ctx);
    ObjectFilter filter = filter(query, path);
    long rv = query.resourceVersion();
    String sendInitial = query.get("sendInitialEvents");
    boolean initialEvents = sendInitial == null ? rv == 0 : query.flag("sendInitialEvents");
    if (initialEvents && rv != 0) {
      throw StatusException.badRequest(
          "sendInitialEvents requires resourceVersion to be unset or \"0\"");
    }
    boolean initialBookmark = sendInitial != null && initialEvents;
    boolean bookmarks = query.flag("allowWatchBookmarks");
    Long timeout = query.number("timeoutSeconds");
    WatchResponse stream =
        new WatchResponse(
            api,
            ctx,
            path.type(),
            new SelectorWatchFilter(filter),
            Negotiation.wantsTable(ctx),
            IncludeObject.parse(query.get("includeObject")));
    String resource = path.type().qualifiedName();
    String namespace = path.type().namespaced() ? path.namespace() : null;
    Future<List<StoredObject>> initial;
    Future<Long> start;
    if (initialEvents) {
      Future<dev.skiff.server.store.ListResult> list = api.registry().list(path.type(), namespace);
      initial = list.map(dev.skiff.server.store.ListResult::objects);
      start = list.map(dev.skiff.server.store.ListResult::resourceVersion);
    } else {
      initial = Future.succeededFuture(null);
      start =
          Future.succeededFuture(rv == 0 ? api.registry().store().currentResourceVersion() : rv);
    }
    start
        .compose(
            from ->
                api.registry()
                    .store()
                    .watch(
                        new WatchRequest(resource, namespace, from, null),
                        stream::onEvent,
                        v -> stream.finish())
                    .compose(
                        w ->
                            sink(ctx, webSocket)
                                .onFailure(e -> w.close())
                                .onSuccess(
                                    sink ->
                                        stream.begin(
                                            sink,
                                            w,
                                            initial.result(),
                                            from,
                                            initialBookmark,
                                            bookmarks,
                                            timeout))))
        .onFailure(ctx::fail);
  }

  /** A GET asking for a WebSocket: a watch to serve over one. */
  static boolean isUpgrade(RoutingContext ctx) {
    return ctx.request().method() == io.vertx.core.http.HttpMethod.GET
        && "websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"));
  }

  /**
   * The response as a chunked HTTP stream or, when the client asked for an upgrade (fabric8 opens
   * its watches so), a WebSocket, as kube-apiserver serves both. The upgrade happens once the store
   * watch is open, so that a refusal (410 Expired, 403) is still an HTTP Status.
   */
  private static Future<WatchSink> sink(RoutingContext ctx, boolean webSocket) {
    if (!webSocket) {
      return Future.succeededFuture(WatchSink.http(ctx));
    }
    return ctx.request().toWebSocket().map(ws -> WatchSink.webSocket(ctx, ws));
  }

  /** Selectors from the query; a watch on one object's URL watches that name. */
  private static ObjectFilter filter(QueryParams query, ResourcePath path) {
    if (path.name() == null) {
      return ObjectFilter.of(query.get("labelSelector"), query.get("fieldSelector"), path.type());
    }
    return new ObjectFilter(
        Selector.parse(query.get("labelSelector")),
        FieldSelector.oneTermEqual("metadata.name", path.name()));
  }
}

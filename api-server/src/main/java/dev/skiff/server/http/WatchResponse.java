package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.server.crd.CustomVersions;
import dev.skiff.server.registry.Metadata;
import dev.skiff.server.registry.ObjectRegistry;
import dev.skiff.server.store.StoreEvent;
import dev.skiff.server.store.StoreWatch;
import dev.skiff.server.store.StoredObject;
import dev.skiff.server.table.IncludeObject;
import dev.skiff.server.table.Tables;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One open watch response: chunked NDJSON, one event per line, flushed as written. Lives on the
 * connection's event loop. Ends on timeoutSeconds, when the store ends the watch, or when the
 * client is too slow; releases the store watch and timers when the client goes away.
 */
final class WatchResponse {
  /** A watcher whose unsent output exceeds this is cut off; it re-watches from its last RV. */
  private static final int MAX_QUEUED_BYTES = 16 * 1024 * 1024;

  private final ApiContext api;
  private final RoutingContext ctx;
  private final ResourceType type;
  private final SelectorWatchFilter filter;
  private final boolean table;
  private final IncludeObject include;
  private final List<StoreEvent> pending = new ArrayList<>();
  private StoreWatch watch;
  private boolean streaming;
  private boolean closed;
  private long lastRv;
  private long bookmarkTimer = -1;
  private long timeoutTimer = -1;

  WatchResponse(
      ApiContext api,
      RoutingContext ctx,
      ResourceType type,
      SelectorWatchFilter filter,
      boolean table,
      IncludeObject include) {
    this.api = api;
    this.ctx = ctx;
    this.type = type;
    this.filter = filter;
    this.table = table;
    this.include = include;
    ctx.response().closeHandler(v -> release());
  }

  /** Store callback; events before {@link #begin} are held back. */
  void onEvent(StoreEvent event) {
    if (closed) {
      return;
    }
    if (!streaming) {
      pending.add(event);
      return;
    }
    lastRv = event.resourceVersion();
    String eventType = filter.typeFor(event);
    if (eventType != null) {
      write(eventType, event.stored(), event::object);
    }
  }

  /**
   * Sends the response head, the initial objects as ADDED, then the held-back events.
   *
   * @param initial the full current state to send as synthetic ADDED events (filtered here), or
   *     null when the watch starts from a resourceVersion
   * @param startRv the version the watch starts after
   */
  void begin(
      StoreWatch storeWatch,
      List<StoredObject> initial,
      long startRv,
      boolean initialBookmark,
      boolean bookmarks,
      Long timeoutSeconds) {
    this.watch = storeWatch;
    if (closed || ctx.response().closed()) {
      release();
      return;
    }
    this.lastRv = startRv;
    HttpServerResponse response = ctx.response();
    response.setStatusCode(200).setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, Replies.JSON);
    response.setWriteQueueMaxSize(MAX_QUEUED_BYTES);
    response.writeHead();
    if (initial != null) {
      for (StoredObject stored : initial) {
        if (filter.isEmpty()) {
          write(WatchEvent.ADDED, stored, stored::tree);
          continue;
        }
        ObjectNode object = stored.tree();
        if (filter.matches(object)) {
          filter.seen(keyOf(object));
          write(WatchEvent.ADDED, stored, () -> object);
        }
      }
      filter.markComplete();
    }
    if (initialBookmark) {
      writeBookmark(true);
    }
    streaming = true;
    List<StoreEvent> held = new ArrayList<>(pending);
    pending.clear();
    held.forEach(this::onEvent);
    if (bookmarks && api.bookmarkIntervalMillis() > 0) {
      bookmarkTimer =
          api.vertx().setPeriodic(api.bookmarkIntervalMillis(), id -> writeBookmark(false));
    }
    if (timeoutSeconds != null && timeoutSeconds > 0) {
      timeoutTimer = api.vertx().setTimer(timeoutSeconds * 1000, id -> finish());
    }
  }

  /** Ends the response normally (timeout, store closed the watch). */
  void finish() {
    if (closed) {
      return;
    }
    release();
    if (!ctx.response().ended() && !ctx.response().closed()) {
      ctx.response().end();
    }
  }

  private void release() {
    closed = true;
    if (watch != null) {
      watch.close();
    }
    if (bookmarkTimer >= 0) {
      api.vertx().cancelTimer(bookmarkTimer);
    }
    if (timeoutTimer >= 0) {
      api.vertx().cancelTimer(timeoutTimer);
    }
  }

  /** Sends the stored JSON as it is, or a Table row built from the tree. */
  private void write(String eventType, StoredObject stored, Supplier<ObjectNode> tree) {
    byte[] body =
        table
            ? Json.toBytes(
                Tables.table(
                    type,
                    List.of(CustomVersions.as(type, tree.get())),
                    Long.toString(stored.resourceVersion()),
                    include,
                    api.clock().instant()))
            : type.isCustom() ? Json.toBytes(CustomVersions.as(type, tree.get())) : stored.json();
    send(eventType, body);
  }

  private void writeBookmark(boolean initialEventsEnd) {
    if (closed) {
      return;
    }
    ObjectNode object = Json.mapper().createObjectNode();
    object.put("kind", type.kind());
    object.put("apiVersion", type.apiVersion());
    ObjectNode meta = object.putObject("metadata");
    meta.put("resourceVersion", Long.toString(lastRv));
    if (initialEventsEnd) {
      meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
    }
    send(WatchEvent.BOOKMARK, Json.toBytes(object));
  }

  private void send(String eventType, byte[] object) {
    HttpServerResponse response = ctx.response();
    if (closed || response.closed()) {
      release();
      return;
    }
    byte[] head = ("{\"type\":\"" + eventType + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
    Buffer line = Buffer.buffer(head.length + object.length + 2);
    line.appendBytes(head).appendBytes(object).appendString("}\n");
    response.write(line);
    if (response.writeQueueFull()) {
      finish();
    }
  }

  private String keyOf(ObjectNode object) {
    return ObjectRegistry.key(type, Metadata.namespace(object), Metadata.name(object)).toString();
  }
}

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
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open watch: its events go to a {@link WatchSink} (chunked NDJSON, one event per line, or one
 * WebSocket text message per event), flushed as written. Lives on the connection's event loop. Ends
 * on timeoutSeconds, when the store ends the watch, or when the client is too slow: more than
 * {@link #BLOCKED_BYTES} unsent for {@link #BLOCKED_GRACE_MILLIS} (or {@link #MAX_BLOCKED_BYTES}
 * more written meanwhile) closes it hard, so that no client makes the server buffer without limit.
 * Releases the store watch and timers when the client goes away.
 */
final class WatchResponse {
  private static final Logger LOG = LoggerFactory.getLogger(WatchResponse.class);

  /** Unsent output above which the watcher counts as not keeping up. */
  static final int BLOCKED_BYTES = 4 * 1024 * 1024;

  /** How long a watcher may stay above {@link #BLOCKED_BYTES} before its watch is closed. */
  static final long BLOCKED_GRACE_MILLIS = 5_000;

  /** Output written while blocked beyond which the watch is closed at once. */
  static final int MAX_BLOCKED_BYTES = 16 * 1024 * 1024;

  private final ApiContext api;
  private final RoutingContext ctx;
  private final ResourceType type;
  private final SelectorWatchFilter filter;
  private final boolean table;
  private final IncludeObject include;
  private final List<StoreEvent> pending = new ArrayList<>();
  private StoreWatch watch;
  private WatchSink sink;
  private boolean streaming;
  private boolean closed;
  private long lastRv;
  private long bookmarkTimer = -1;
  private long timeoutTimer = -1;
  private long blockedTimer = -1;
  private long blockedBytes;
  private boolean counted;

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
      WatchSink to,
      StoreWatch storeWatch,
      List<StoredObject> initial,
      long startRv,
      boolean initialBookmark,
      boolean bookmarks,
      Long timeoutSeconds) {
    this.watch = storeWatch;
    this.sink = to;
    if (closed || sink.closed()) {
      release();
      return;
    }
    this.lastRv = startRv;
    sink.open(BLOCKED_BYTES, v -> release());
    api.watches().opened(type);
    counted = true;
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
    if (sink != null) {
      sink.end();
    } else if (!ctx.response().ended() && !ctx.response().closed()) {
      ctx.response().end();
    }
  }

  private void release() {
    closed = true;
    if (counted) {
      counted = false;
      api.watches().closed(type);
    }
    if (blockedTimer >= 0) {
      api.vertx().cancelTimer(blockedTimer);
      blockedTimer = -1;
    }
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
    if (closed || sink.closed()) {
      release();
      return;
    }
    byte[] head = ("{\"type\":\"" + eventType + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
    Buffer line = Buffer.buffer(head.length + object.length + 2);
    line.appendBytes(head).appendBytes(object).appendString("}");
    int length = line.length();
    sink.write(line);
    if (blockedTimer >= 0) {
      blockedBytes += length;
      if (blockedBytes > MAX_BLOCKED_BYTES) {
        terminate();
      }
    } else if (sink.writeQueueFull()) {
      blockedBytes = 0;
      blockedTimer = api.vertx().setTimer(BLOCKED_GRACE_MILLIS, id -> terminate());
      sink.drainHandler(v -> unblocked());
    }
  }

  private void unblocked() {
    if (blockedTimer >= 0) {
      api.vertx().cancelTimer(blockedTimer);
      blockedTimer = -1;
    }
  }

  /**
   * Closes the watch of a client that does not read (kube-apiserver's "Forcing watcher close due to
   * unresponsiveness"): the stream is reset (HTTP/2) or the connection closed (HTTP/1.1), so what
   * it holds unsent is freed at once; the client watches again or relists.
   */
  private void terminate() {
    blockedTimer = -1;
    if (closed) {
      return;
    }
    LOG.info(
        "closing a {} watch: its client did not keep up (more than {} bytes unsent)",
        type.plural(),
        BLOCKED_BYTES);
    api.watches().terminated(type);
    release();
    sink.abort();
  }

  private String keyOf(ObjectNode object) {
    return ObjectRegistry.key(type, Metadata.namespace(object), Metadata.name(object)).toString();
  }
}

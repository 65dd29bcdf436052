package dev.skiff.server.store;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watcher on this replica: a bounded queue filled by the watch cache (under its lock) and
 * drained on the watcher's own context. Nothing is delivered before {@link #activate()}, so the
 * caller holds the {@link StoreWatch} before its first event.
 */
final class LocalWatch implements StoreWatch {
  private static final Logger LOG = LoggerFactory.getLogger(LocalWatch.class);
  private static final int DRAIN_BATCH = 512;

  /** Undelivered live events' JSON one watcher may queue before the store ends its watch. */
  static final long MAX_QUEUED_BYTES = 64L << 20;

  private final Context context;
  private final WatchRequest request;
  private final Handler<StoreEvent> handler;
  private final Handler<Void> onClose;
  private final WatchCache cache;
  private final ArrayDeque<StoreEvent> queue = new ArrayDeque<>();
  private int limit;
  private long queuedBytes;
  private boolean active;
  private boolean scheduled;
  private boolean closed;

  LocalWatch(
      Context context,
      WatchRequest request,
      Handler<StoreEvent> handler,
      Handler<Void> onClose,
      WatchCache cache,
      int limit) {
    this.context = context;
    this.request = request;
    this.handler = handler;
    this.onClose = onClose;
    this.cache = cache;
    this.limit = limit;
  }

  WatchRequest request() {
    return request;
  }

  /**
   * Queues the change if this watcher sees it, as ADDED/DELETED when it enters/leaves the filter.
   */
  void offer(StoreEvent event, StoredObject previous) {
    if (event.resourceVersion() <= request.resourceVersion()) {
      return;
    }
    String namespace = request.namespace();
    if (namespace != null && !namespace.equals(event.key().namespace())) {
      return;
    }
    StoreEvent visible = PredicateWatchFilter.apply(request.filter(), event, previous);
    if (visible != null) {
      enqueue(visible);
    }
  }

  /** Queues a synthetic initial event; these do not count against the queue limit. */
  synchronized void offerInitial(StoreEvent event) {
    limit++;
    queue.add(event);
  }

  synchronized boolean isClosed() {
    return closed;
  }

  synchronized void activate() {
    active = true;
    schedule();
  }

  /** Ends the watch from the store's side: the owner hears about it through onClose. */
  synchronized void end() {
    if (markClosed() && onClose != null) {
      context.runOnContext(v -> onClose.handle(null));
    }
  }

  @Override
  public void close() {
    if (markClosed()) {
      cache.unregister(this);
    }
  }

  private synchronized boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    queue.clear();
    return true;
  }

  private synchronized void enqueue(StoreEvent event) {
    if (closed) {
      return;
    }
    if (queue.size() >= limit || queuedBytes > MAX_QUEUED_BYTES) {
      LOG.info(
          "ending a {} watch that fell {} events ({} bytes) behind",
          request.resource(),
          queue.size(),
          queuedBytes);
      end();
      return;
    }
    queue.add(event);
    queuedBytes += event.stored().json().length;
    schedule();
  }

  private void schedule() {
    if (active && !scheduled && !queue.isEmpty()) {
      scheduled = true;
      context.runOnContext(v -> drain());
    }
  }

  private void drain() {
    for (int i = 0; i < DRAIN_BATCH; i++) {
      StoreEvent event;
      synchronized (this) {
        event = closed ? null : queue.poll();
        if (event == null) {
          scheduled = false;
          queuedBytes = 0;
          return;
        }
        queuedBytes = Math.max(0, queuedBytes - event.stored().json().length);
      }
      try {
        handler.handle(event);
      } catch (RuntimeException e) {
        LOG.error("watch handler failed on {}", event.key(), e);
      }
    }
    synchronized (this) {
      scheduled = false;
      schedule();
    }
  }
}

package dev.skiff.server.registry;

import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.store.Store;
import dev.skiff.server.store.StoreEvent;
import dev.skiff.server.store.WatchRequest;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's view of namespaces (name to terminating), fed by a store watch, so that creates
 * need no extra read. Like the real NamespaceLifecycle admission, a miss is confirmed with a live
 * read: a namespace created a moment ago on another replica is never refused.
 */
final class NamespaceCache {
  private static final Logger LOG = LoggerFactory.getLogger(NamespaceCache.class);
  private static final long RETRY_MILLIS = 1_000;

  private final Map<String, Boolean> terminating = new ConcurrentHashMap<>();
  private volatile boolean synced;

  /** Starts (and keeps re-starting) the watch; call on the owning context. */
  void start(Vertx vertx, Store store) {
    terminating.clear();
    store
        .watch(
            new WatchRequest(Resources.NAMESPACES.qualifiedName(), null, 0, null),
            this::apply,
            v -> restart(vertx, store))
        .onSuccess(w -> synced = true)
        .onFailure(
            e -> {
              LOG.warn("namespace watch failed, retrying: {}", e.toString());
              restart(vertx, store);
            });
  }

  /** True/false when known (terminating or not); null when this replica does not know it. */
  Boolean terminating(String namespace) {
    return synced ? terminating.get(namespace) : null;
  }

  private void restart(Vertx vertx, Store store) {
    synced = false;
    vertx.setTimer(RETRY_MILLIS, id -> start(vertx, store));
  }

  private void apply(StoreEvent event) {
    String name = event.key().name();
    if (WatchEvent.DELETED.equals(event.type())) {
      terminating.remove(name);
    } else {
      terminating.put(name, Metadata.isDeleting(event.object()));
    }
  }
}

package dev.skiff.server.auth.rbac;

import dev.skiff.api.Json;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.store.Store;
import dev.skiff.server.store.StoreEvent;
import dev.skiff.server.store.WatchRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link RbacPolicy} current from this replica's store, as an informer would: per kind a
 * list, then a watch from the list's resourceVersion; a watch that ends is started again with a
 * fresh list. A binding written on any replica takes effect here as soon as its event arrives.
 */
public final class RbacCache {
  private static final Logger LOG = LoggerFactory.getLogger(RbacCache.class);
  private static final long RETRY_MILLIS = 1_000;
  static final List<ResourceType> KINDS =
      List.of(
          Resources.CLUSTERROLES,
          Resources.CLUSTERROLEBINDINGS,
          Resources.ROLES,
          Resources.ROLEBINDINGS);

  private final Vertx vertx;
  private final Store store;
  private final RbacPolicy policy = new RbacPolicy();

  public RbacCache(Vertx vertx, Store store) {
    this.vertx = vertx;
    this.store = store;
  }

  public RbacPolicy policy() {
    return policy;
  }

  /** Lists and watches the four kinds; completes once each was listed (call on a context). */
  public Future<Void> start() {
    return Future.all(KINDS.stream().map(this::start).toList()).mapEmpty();
  }

  private Future<Void> start(ResourceType type) {
    return store
        .list(type.qualifiedName(), null)
        .compose(list -> load(type, list))
        .onFailure(
            e -> {
              LOG.warn("{} cache failed to start, retrying: {}", type.plural(), e.toString());
              vertx.setTimer(RETRY_MILLIS, id -> start(type));
            });
  }

  private Future<Void> load(ResourceType type, ListResult list) {
    policy.clear(type.kind());
    list.items().forEach(item -> policy.put(decode(type, item)));
    return store
        .watch(
            new WatchRequest(type.qualifiedName(), null, list.resourceVersion(), null),
            event -> apply(type, event),
            v -> vertx.setTimer(RETRY_MILLIS, id -> start(type)))
        .mapEmpty();
  }

  private void apply(ResourceType type, StoreEvent event) {
    if (WatchEvent.DELETED.equals(event.type())) {
      policy.remove(type.kind(), event.key().namespace(), event.key().name());
    } else {
      policy.put(decode(type, event.object()));
    }
  }

  private static KubeObject decode(
      ResourceType type, com.fasterxml.jackson.databind.node.ObjectNode o) {
    return Json.convert(o, type.type());
  }
}

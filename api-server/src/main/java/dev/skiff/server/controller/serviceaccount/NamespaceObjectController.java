package dev.skiff.server.controller.serviceaccount;

import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Keeps one object of a fixed name in every namespace, as a pure function decides it: keys are
 * namespace names; a namespace event or a change of the object (its deletion too) enqueues the
 * namespace, and a sync creates or updates what {@code desired} returns (null: nothing to write).
 */
class NamespaceObjectController<T extends KubeObject> extends QueueController {
  private final KubeClient client;
  private final Informer<Namespace> namespaces;
  private final Informer<T> objects;
  private final String objectName;
  private final BiFunction<Namespace, T, T> desired;

  NamespaceObjectController(
      Vertx vertx,
      SharedInformers informers,
      String name,
      Class<T> type,
      String objectName,
      BiFunction<Namespace, T, T> desired) {
    super(vertx, name, 1);
    this.client = informers.client();
    this.namespaces = informers.of(Namespace.class);
    this.objects = informers.of(type);
    this.objectName = objectName;
    this.desired = desired;
    watch(namespaces);
    watch(
        objects,
        o -> objectName.equals(o.meta().name) ? List.of(o.meta().namespace) : List.<String>of());
  }

  @Override
  protected Future<Void> sync(String namespace) {
    Namespace ns = namespaces.get(namespace);
    T current = objects.get(namespace, objectName);
    T write = ns == null ? null : desired.apply(ns, current);
    if (write == null) {
      return Future.succeededFuture();
    }
    Future<T> written = current == null ? client.create(write) : client.update(write);
    // AlreadyExists or Conflict: the cache is behind; the informer's event enqueues it again.
    return written
        .recover(
            e ->
                Errors.isAlreadyExists(e) || Errors.isConflict(e) || Errors.isNotFound(e)
                    ? Future.succeededFuture()
                    : Future.failedFuture(e))
        .mapEmpty();
  }
}

package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.crd.CustomKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes namespace deletion, level-based: every sweep lists the Terminating namespaces, deletes
 * their content, and removes a namespace once a sweep finds it empty. Every replica may sweep;
 * deletions are idempotent. Pods on nodes terminate gracefully, so a namespace with running pods
 * goes away after their node agents finish them.
 */
public final class NamespaceTerminator {
  private static final Logger LOG = LoggerFactory.getLogger(NamespaceTerminator.class);

  private final ObjectRegistry registry;
  private boolean sweeping;

  public NamespaceTerminator(ObjectRegistry registry) {
    this.registry = registry;
  }

  /** Sweeps every {@code periodMillis}; returns the timer id. Call on the owning context. */
  public long start(Vertx vertx, long periodMillis) {
    return vertx.setPeriodic(periodMillis, id -> sweep());
  }

  /** One pass over all Terminating namespaces. Skipped when the previous pass still runs. */
  public Future<Void> sweep() {
    if (sweeping) {
      return Future.succeededFuture();
    }
    sweeping = true;
    return registry
        .list(Resources.NAMESPACES, null)
        .compose(
            list -> {
              List<Future<Void>> work = new ArrayList<>();
              for (ObjectNode ns : list.items()) {
                if (Metadata.isDeleting(ns)) {
                  work.add(finish(Metadata.name(ns)));
                }
              }
              return Future.join(work).<Void>mapEmpty();
            })
        .onFailure(e -> LOG.warn("namespace sweep failed: {}", e.toString()))
        .onComplete(ar -> sweeping = false)
        .otherwiseEmpty();
  }

  private Future<Void> finish(String namespace) {
    List<Future<Boolean>> emptied = new ArrayList<>();
    for (ResourceType type : Resources.ALL) {
      if (type.namespaced()) {
        emptied.add(deleteAll(type, namespace));
      }
    }
    for (CustomKind kind : registry.kinds().all()) {
      if (kind.namespaced() && kind.storageType() != null) {
        emptied.add(deleteAll(kind.storageType(), namespace));
      }
    }
    return Future.all(emptied)
        .compose(
            all -> {
              boolean empty = all.<Boolean>list().stream().allMatch(Boolean::booleanValue);
              if (!empty) {
                return Future.succeededFuture();
              }
              return registry
                  .store()
                  .delete(
                      ObjectRegistry.key(Resources.NAMESPACES, null, namespace),
                      Deleter::requireReleased)
                  .<Void>mapEmpty()
                  .recover(
                      e ->
                          Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
            });
  }

  /** Deletes every object of a type in a namespace; true when there was none left. */
  private Future<Boolean> deleteAll(ResourceType type, String namespace) {
    return registry
        .list(type, namespace)
        .compose(
            list -> {
              List<Future<ObjectNode>> deletes = new ArrayList<>();
              for (ObjectNode item : list.items()) {
                if (!Metadata.isDeleting(item) || type != Resources.PODS) {
                  deletes.add(
                      registry
                          .delete(type, namespace, Metadata.name(item), DeleteRequest.DEFAULT)
                          .recover(
                              e ->
                                  Errors.isNotFound(e)
                                      ? Future.succeededFuture()
                                      : Future.failedFuture(e)));
                }
              }
              return Future.join(deletes).map(v -> list.objects().isEmpty());
            });
  }
}

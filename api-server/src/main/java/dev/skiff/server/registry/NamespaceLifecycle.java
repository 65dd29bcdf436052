package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.Status;
import dev.skiff.api.status.StatusDetails;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Namespace rules: content may be created only in an existing, active namespace; deleting a
 * namespace marks it Terminating, and {@link NamespaceTerminator} then deletes its content and
 * finally the namespace itself.
 */
public final class NamespaceLifecycle {
  /** Namespaces every cluster has; seeded at start by any replica. */
  public static final List<String> SEEDED = List.of("default", "kube-system", "kube-node-lease");

  private static final Set<String> UNDELETABLE = Set.of("default", "kube-system", "kube-public");

  private final ObjectRegistry registry;
  private final Clock clock;
  private final NamespaceCache cache = new NamespaceCache();

  NamespaceLifecycle(ObjectRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Keeps a watch-fed view of namespaces so creates skip the namespace read. */
  public void startCache(Vertx vertx) {
    cache.start(vertx, registry.store());
  }

  /** Succeeds when {@code namespace} exists and is not terminating. */
  Future<Void> requireActive(String namespace, ResourceType type, String name) {
    Boolean cached = cache.terminating(namespace);
    if (Boolean.FALSE.equals(cached)) {
      return Future.succeededFuture();
    }
    return registry
        .store()
        .get(ObjectRegistry.key(Resources.NAMESPACES, null, namespace))
        .recover(
            e ->
                Errors.isNotFound(e)
                    ? Future.failedFuture(StatusException.notFound("", "namespaces", namespace))
                    : Future.failedFuture(e))
        .compose(
            ns -> {
              if (!Metadata.isDeleting(ns)) {
                return Future.succeededFuture();
              }
              return Future.failedFuture(
                  forbidden(
                      type,
                      name,
                      "unable to create new content in namespace "
                          + namespace
                          + " because it is being terminated"));
            });
  }

  /** Marks a namespace Terminating; the terminator removes it once it is empty. */
  Future<ObjectNode> terminate(String name, DeleteRequest options) {
    if (UNDELETABLE.contains(name)) {
      return Future.failedFuture(
          forbidden(Resources.NAMESPACES, name, "this namespace may not be deleted"));
    }
    return registry.update(
        Resources.NAMESPACES,
        ObjectRegistry.key(Resources.NAMESPACES, null, name),
        current -> {
          if (Metadata.isDeleting(current)) {
            return current;
          }
          Metadata.of(current).put("deletionTimestamp", Times.now(clock));
          Metadata.of(current).put("deletionGracePeriodSeconds", 0);
          current.putObject("status").put("phase", "Terminating");
          return current;
        },
        options.dryRun());
  }

  /** Creates the seeded namespaces that do not exist yet. Idempotent; safe on every replica. */
  public Future<Void> seed() {
    List<Future<ObjectNode>> created =
        SEEDED.stream()
            .map(
                name -> {
                  ObjectNode body = dev.skiff.api.Json.mapper().createObjectNode();
                  body.putObject("metadata").put("name", name);
                  return registry
                      .create(Resources.NAMESPACES, null, body, false)
                      .recover(
                          e ->
                              Errors.isAlreadyExists(e)
                                  ? Future.succeededFuture(null)
                                  : Future.failedFuture(e));
                })
            .toList();
    return Future.all(created).mapEmpty();
  }

  static StatusException forbidden(ResourceType type, String name, String why) {
    String resource = type.group().isEmpty() ? type.plural() : type.qualifiedName();
    return new StatusException(
        Status.failure(
            403,
            Reason.FORBIDDEN,
            resource + " \"" + name + "\" is forbidden: " + why,
            StatusDetails.of(type.group(), type.plural(), name)));
  }
}

package dev.skiff.server.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.client.Errors;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.registry.DeleteRequest;
import dev.skiff.server.registry.ObjectRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What apiextensions-apiserver's finalizer controller does for a CustomResourceDefinition being
 * deleted: deletes its instances (each as a client's DELETE would, so their own finalizers hold
 * them), and once none is left removes the {@code customresourcecleanup} finalizer, which deletes
 * the CRD. Every replica may run it: deleting what is gone and releasing a released CRD are no-ops.
 */
public final class CrdCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(CrdCleanup.class);
  private static final long RETRY_MILLIS = 500;

  private final Vertx vertx;
  private final ObjectRegistry registry;
  private final Clock clock;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  private CrdCleanup(Vertx vertx, ObjectRegistry registry, Clock clock) {
    this.vertx = vertx;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Starts serving this replica's custom kinds from the store's CRDs and cleaning up after deleted
   * ones. Call on the context that owns the registry.
   */
  public static void start(Vertx vertx, ObjectRegistry registry, Clock clock) {
    CrdCleanup cleanup = new CrdCleanup(vertx, registry, clock);
    registry.kinds().onTerminating(cleanup::clean);
    registry.kinds().start(vertx, registry.store());
  }

  private void clean(CustomKind kind) {
    if (kind.storageType() == null || !running.add(kind.name())) {
      return;
    }
    markTerminating(kind)
        .compose(v -> sweep(kind))
        .onComplete(
            ar -> {
              running.remove(kind.name());
              if (ar.failed()) {
                LOG.warn("cleanup of {} failed, retrying: {}", kind.name(), ar.cause().toString());
              }
              if (ar.failed() || !ar.result()) {
                vertx.setTimer(
                    RETRY_MILLIS,
                    id ->
                        registry
                            .kinds()
                            .byName(kind.name())
                            .filter(CustomKind::terminating)
                            .ifPresent(this::clean));
              }
            });
  }

  /** Deletes the instances; true once there were none and the finalizer is released. */
  private Future<Boolean> sweep(CustomKind kind) {
    ResourceType type = kind.storageType();
    return registry
        .store()
        .list(kind.qualifiedName(), null)
        .compose(
            list -> {
              if (list.objects().isEmpty()) {
                return release(kind).map(true);
              }
              List<Future<?>> deletes = new ArrayList<>();
              for (ObjectNode o : list.items()) {
                if (o.path("metadata").hasNonNull("deletionTimestamp")) {
                  continue;
                }
                deletes.add(
                    registry
                        .delete(
                            type,
                            o.path("metadata").path("namespace").asText(""),
                            o.path("metadata").path("name").asText(),
                            DeleteRequest.DEFAULT)
                        .recover(
                            e ->
                                Errors.isNotFound(e)
                                    ? Future.succeededFuture()
                                    : Future.failedFuture(e)));
              }
              return Future.all(deletes)
                  .compose(v -> registry.store().list(kind.qualifiedName(), null))
                  .compose(
                      after ->
                          after.objects().isEmpty()
                              ? release(kind).map(true)
                              : Future.succeededFuture(false));
            });
  }

  /** The condition the finalizing controller sets: Terminating, instance deletion in progress. */
  private Future<Void> markTerminating(CustomKind kind) {
    ResourceType crds = Resources.CUSTOMRESOURCEDEFINITIONS;
    return registry
        .update(
            crds,
            ObjectRegistry.key(crds, null, kind.name()),
            current -> {
              for (JsonNode c : current.path("status").path("conditions")) {
                if ("Terminating".equals(c.path("type").asText())) {
                  return current;
                }
              }
              ObjectNode next = current.deepCopy();
              next.with("status")
                  .withArray("conditions")
                  .addObject()
                  .put("type", "Terminating")
                  .put("status", "True")
                  .put("lastTransitionTime", Times.now(clock))
                  .put("reason", "InstanceDeletionInProgress")
                  .put("message", "CustomResource deletion is in progress");
              return next;
            },
            false)
        .<Void>mapEmpty()
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private Future<Void> release(CustomKind kind) {
    ResourceType crds = Resources.CUSTOMRESOURCEDEFINITIONS;
    return registry
        .update(
            crds,
            ObjectRegistry.key(crds, null, kind.name()),
            current -> {
              ObjectNode next = current.deepCopy();
              JsonNode finalizers = next.path("metadata").path("finalizers");
              if (!finalizers.isArray()) {
                return current;
              }
              ArrayNode kept = next.objectNode().arrayNode();
              finalizers.forEach(
                  f -> {
                    if (!CrdAdmission.CLEANUP_FINALIZER.equals(f.asText())) {
                      kept.add(f);
                    }
                  });
              if (kept.size() == finalizers.size()) {
                return current;
              }
              ((ObjectNode) next.get("metadata")).set("finalizers", kept);
              return next;
            },
            false)
        .<Void>mapEmpty()
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }
}

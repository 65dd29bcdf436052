package dev.skiff.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.store.StoreKey;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * What DELETE means for one object: immediate removal; or only a deletionTimestamp when finalizers
 * hold it (the last finalizer's removal deletes it); or graceful deletion of a pod bound to a node,
 * which the node agent finishes with a zero grace period. Namespaces terminate (see {@link
 * NamespaceLifecycle}).
 */
final class Deleter {
  private static final long DEFAULT_POD_GRACE = 30;

  private final ObjectRegistry registry;
  private final Clock clock;
  private final DeletionHook hook;
  private final NamespaceLifecycle namespaces;

  Deleter(ObjectRegistry registry, Clock clock, DeletionHook hook, NamespaceLifecycle namespaces) {
    this.registry = registry;
    this.clock = clock;
    this.hook = hook;
    this.namespaces = namespaces;
  }

  Future<ObjectNode> delete(ResourceType type, StoreKey key, DeleteRequest options) {
    if (type == Resources.NAMESPACES) {
      return namespaces.terminate(key.name(), options);
    }
    return registry
        .store()
        .get(key)
        .compose(
            current -> {
              checkPreconditions(type, current, options);
              List<String> added = hook.finalizersFor(type, current, options.propagationPolicy());
              long grace = podGrace(type, current, options);
              if (Metadata.hasFinalizers(current) || !added.isEmpty() || grace > 0) {
                return registry.update(
                    type,
                    key,
                    latest -> {
                      checkPreconditions(type, latest, options);
                      return mark(latest, added, grace);
                    },
                    options.dryRun());
              }
              if (options.dryRun()) {
                return Future.succeededFuture(current);
              }
              return registry
                  .store()
                  .delete(
                      key,
                      latest -> {
                        checkPreconditions(type, latest, options);
                        if (Metadata.hasFinalizers(latest)) {
                          throw StatusException.conflict(type.group(), type.plural(), key.name());
                        }
                      });
            });
  }

  /** True when a deleting object has nothing left holding it: no finalizers, no pod grace. */
  static boolean isReleased(ResourceType type, JsonNode object) {
    if (type == Resources.NAMESPACES
        || !Metadata.isDeleting(object)
        || Metadata.hasFinalizers(object)) {
      return false; // a Terminating namespace goes when its content is gone: NamespaceTerminator
    }
    return type != Resources.PODS
        || object.path("metadata").path("deletionGracePeriodSeconds").asLong(0) == 0;
  }

  static void requireReleased(ObjectNode latest) {
    if (!Metadata.isDeleting(latest) || Metadata.hasFinalizers(latest)) {
      throw StatusException.conflict(
          "", "objects", Metadata.name(latest), "the object is no longer being deleted");
    }
  }

  /** Sets deletionTimestamp (or shortens the grace period) and adds finalizers. */
  private ObjectNode mark(ObjectNode object, List<String> finalizers, long grace) {
    ObjectNode meta = Metadata.of(object);
    for (String f : finalizers) {
      ArrayNode list =
          meta.get("finalizers") instanceof ArrayNode a ? a : meta.putArray("finalizers");
      if (!containsText(list, f)) {
        list.add(f);
      }
    }
    JsonNode existing = meta.get("deletionGracePeriodSeconds");
    if (!Metadata.isDeleting(object) || (existing != null && grace < existing.asLong())) {
      meta.put("deletionTimestamp", Times.time(clock.instant().plusSeconds(grace)));
      meta.put("deletionGracePeriodSeconds", grace);
    }
    return object;
  }

  /** The grace period of a pod deletion; 0 = immediate (unbound, terminal or forced). */
  private static long podGrace(ResourceType type, JsonNode pod, DeleteRequest options) {
    if (type != Resources.PODS || pod.path("spec").path("nodeName").asText("").isEmpty()) {
      return 0;
    }
    String phase = pod.path("status").path("phase").asText("");
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      return 0;
    }
    if (options.gracePeriodSeconds() != null) {
      return Math.max(0, options.gracePeriodSeconds());
    }
    return pod.path("spec").path("terminationGracePeriodSeconds").asLong(DEFAULT_POD_GRACE);
  }

  private static void checkPreconditions(ResourceType type, JsonNode object, DeleteRequest o) {
    String name = Metadata.name(object);
    String uid = Metadata.text(object, "uid");
    if (o.uid() != null && !o.uid().equals(uid)) {
      throw StatusException.conflict(
          type.group(),
          type.plural(),
          name,
          "Precondition failed: UID in precondition: " + o.uid() + ", UID in object meta: " + uid);
    }
    String rv = Metadata.resourceVersion(object);
    if (o.resourceVersion() != null && !o.resourceVersion().equals(rv)) {
      throw StatusException.conflict(
          type.group(),
          type.plural(),
          name,
          "Precondition failed: ResourceVersion in precondition: "
              + o.resourceVersion()
              + ", ResourceVersion in object meta: "
              + rv);
    }
  }

  private static boolean containsText(ArrayNode list, String value) {
    for (JsonNode n : list) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }
}

package dev.skiff.server.controller.gc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.PatchOptions;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.client.RawKubeClient;
import dev.skiff.api.client.WatchOptions;
import dev.skiff.api.model.meta.GenericObject;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.OwnerReference;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.ResourceType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Owners of kinds the collector has no informer for: custom resources. A kind is resolved through
 * discovery the first time a dependent names it; from then on a watch of that kind re-examines the
 * dependents of every deleted owner at once (Background), and finishes the Orphan and Foreground
 * deletions of its objects, as {@link GcActions} does for the built-in owners. A kind no longer
 * served (its CRD deleted) has no owners left.
 */
final class CustomOwners {
  private static final long RETRY_MILLIS = 1_000;

  private final Vertx vertx;
  private final RawKubeClient raw;
  private final GcActions actions;
  private final Function<String, List<KubeObject>> dependentsOf;
  private final Consumer<KubeObject> recheck;
  private final Map<String, Future<ResourceType>> types = new ConcurrentHashMap<>();
  private final Set<String> finishing = ConcurrentHashMap.newKeySet();

  CustomOwners(
      Vertx vertx,
      RawKubeClient raw,
      GcActions actions,
      Function<String, List<KubeObject>> dependentsOf,
      Consumer<KubeObject> recheck) {
    this.vertx = vertx;
    this.raw = raw;
    this.actions = actions;
    this.dependentsOf = dependentsOf;
    this.recheck = recheck;
  }

  /** Whether the owner {@code ref} names is gone (absent, or replaced by another uid). */
  Future<Boolean> gone(String namespace, OwnerReference ref) {
    return type(ref.apiVersion, ref.kind)
        .compose(
            type ->
                type == null
                    ? Future.succeededFuture(true)
                    : raw.get(type, namespace, ref.name)
                        .map(o -> !ref.uid.equals(o.path("metadata").path("uid").asText()))
                        .recover(
                            e ->
                                Errors.isNotFound(e)
                                    ? Future.succeededFuture(true)
                                    : Future.failedFuture(e)));
  }

  /** The served type of a kind, null when its group-version is not served; watched once known. */
  private Future<ResourceType> type(String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    Future<ResourceType> known = types.get(key);
    if (known != null) {
      return known;
    }
    String path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return raw.request(HttpMethod.GET, path, null, null)
        .map(body -> find(Json.tree(body.getBytes()), apiVersion, kind))
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture(null) : Future.failedFuture(e))
        .onSuccess(
            type -> {
              if (type != null && types.putIfAbsent(key, Future.succeededFuture(type)) == null) {
                watch(type);
              }
            });
  }

  private static ResourceType find(JsonNode resourceList, String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    for (JsonNode r : resourceList.path("resources")) {
      String name = r.path("name").asText();
      if (kind.equals(r.path("kind").asText()) && !name.contains("/")) {
        return new ResourceType(
            group,
            version,
            kind,
            name,
            r.path("singularName").asText(),
            r.path("namespaced").asBoolean(),
            List.of(),
            List.of(),
            GenericObject.class,
            false,
            false,
            Set.of(),
            Set.of());
      }
    }
    return null;
  }

  private void watch(ResourceType type) {
    raw.watch(type, null, WatchOptions.none(), event -> onEvent(type, event))
        .done()
        .onComplete(ar -> vertx.setTimer(RETRY_MILLIS, id -> watch(type)));
  }

  private void onEvent(ResourceType type, WatchEvent event) {
    if (!(event.object instanceof ObjectNode owner)) {
      return;
    }
    String uid = owner.path("metadata").path("uid").asText();
    if (WatchEvent.DELETED.equals(event.type)) {
      dependentsOf.apply(uid).forEach(recheck);
    } else if (owner.path("metadata").hasNonNull("deletionTimestamp")) {
      finish(type, owner);
    }
  }

  /** Orphan or Foreground deletion of a custom owner: the dependents first, then the finalizer. */
  private void finish(ResourceType type, ObjectNode owner) {
    JsonNode meta = owner.path("metadata");
    List<String> finalizers = new ArrayList<>();
    meta.path("finalizers").forEach(f -> finalizers.add(f.asText()));
    String uid = meta.path("uid").asText();
    boolean orphan = finalizers.contains(GcDeletionHook.ORPHAN);
    boolean foreground = finalizers.contains(GcDeletionHook.FOREGROUND);
    if ((!orphan && !foreground) || !finishing.add(uid)) {
      return;
    }
    List<KubeObject> dependents = dependentsOf.apply(uid);
    Future<Boolean> done;
    if (orphan) {
      List<Future<?>> dropped = new ArrayList<>();
      dependents.forEach(d -> dropped.add(actions.dropOwner(d, uid)));
      done = Future.all(dropped).map(true);
    } else {
      done =
          dependents.isEmpty()
              ? Future.succeededFuture(true)
              : actions.deleteDependents(dependents).map(false);
    }
    done.compose(
            release ->
                release
                    ? removeFinalizer(
                            type, owner, orphan ? GcDeletionHook.ORPHAN : GcDeletionHook.FOREGROUND)
                        .map(true)
                    : Future.succeededFuture(false))
        .onComplete(
            ar -> {
              finishing.remove(uid);
              if (ar.failed() || !ar.result()) {
                vertx.setTimer(RETRY_MILLIS / 2, id -> refresh(type, owner));
              }
            });
  }

  private void refresh(ResourceType type, ObjectNode owner) {
    JsonNode meta = owner.path("metadata");
    raw.get(type, meta.path("namespace").asText(null), meta.path("name").asText())
        .onSuccess(
            live -> {
              if (live.path("metadata").path("uid").asText().equals(meta.path("uid").asText())) {
                finish(type, live);
              }
            });
  }

  private Future<Void> removeFinalizer(ResourceType type, ObjectNode owner, String finalizer) {
    JsonNode meta = owner.path("metadata");
    ArrayNode remaining = JsonNodeFactory.instance.arrayNode();
    meta.path("finalizers")
        .forEach(
            f -> {
              if (!finalizer.equals(f.asText())) {
                remaining.add(f);
              }
            });
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode patchMeta = patch.putObject("metadata");
    patchMeta.set(
        "finalizers", remaining.isEmpty() ? JsonNodeFactory.instance.nullNode() : remaining);
    patchMeta.put("resourceVersion", meta.path("resourceVersion").asText());
    return raw.patch(
            type,
            meta.path("namespace").asText(null),
            meta.path("name").asText(),
            PatchType.MERGE,
            patch,
            PatchOptions.none())
        .<Void>mapEmpty()
        .recover(Errors.ignoreNotFound());
  }
}

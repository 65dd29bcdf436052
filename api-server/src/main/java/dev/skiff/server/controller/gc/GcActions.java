package dev.skiff.server.controller.gc;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The garbage collector's writes for owners being deleted with Orphan or Foreground. */
final class GcActions {
  private final KubeClient client;
  private final Function<String, List<KubeObject>> dependentsOf;

  GcActions(KubeClient client, Function<String, List<KubeObject>> dependentsOf) {
    this.client = client;
    this.dependentsOf = dependentsOf;
  }

  /**
   * Orphan: drop the owner's reference from every dependent, then the finalizer. Foreground: delete
   * the dependents; the finalizer goes once none is left.
   */
  <T extends KubeObject> Future<Void> finishOwner(KubeObject owner, Class<T> type) {
    List<String> finalizers = owner.meta().finalizers;
    String uid = owner.meta().uid;
    List<KubeObject> dependents = dependentsOf.apply(uid);
    if (finalizers.contains(GcDeletionHook.ORPHAN)) {
      List<Future<?>> orphaned = new ArrayList<>();
      dependents.forEach(d -> orphaned.add(dropOwner(d, uid)));
      return Future.all(orphaned).compose(v -> removeFinalizer(owner, type, GcDeletionHook.ORPHAN));
    }
    if (finalizers.contains(GcDeletionHook.FOREGROUND)) {
      if (dependents.isEmpty()) {
        return removeFinalizer(owner, type, GcDeletionHook.FOREGROUND);
      }
      return deleteDependents(dependents);
    }
    return Future.succeededFuture();
  }

  /** Deletes (Foreground) the dependents not being deleted yet. */
  Future<Void> deleteDependents(List<KubeObject> dependents) {
    List<Future<?>> deletes = new ArrayList<>();
    for (KubeObject d : dependents) {
      if (d.meta().deletionTimestamp == null) {
        deletes.add(
            client
                .delete(
                    d.getClass(),
                    d.meta().namespace,
                    d.meta().name,
                    DeleteOptions.propagation(DeleteOptions.Propagation.Foreground))
                .recover(Errors.ignoreNotFound()));
      }
    }
    return Future.all(deletes).mapEmpty();
  }

  Future<Void> dropOwner(KubeObject dependent, String uid) {
    KubeObject copy = Json.convert(Json.tree(dependent), dependent.getClass());
    copy.meta().ownerReferences.removeIf(r -> uid.equals(r.uid));
    if (copy.meta().ownerReferences.isEmpty()) {
      copy.meta().ownerReferences = null;
    }
    return client.update(copy).<Void>mapEmpty().recover(Errors.ignoreNotFound());
  }

  private <T extends KubeObject> Future<Void> removeFinalizer(
      KubeObject owner, Class<T> type, String finalizer) {
    T copy = Json.copy(type.cast(owner), type);
    List<String> remaining = new ArrayList<>(copy.meta().finalizers);
    remaining.remove(finalizer);
    copy.meta().finalizers = remaining.isEmpty() ? null : remaining;
    return client.update(copy).<Void>mapEmpty().recover(Errors.ignoreNotFound());
  }
}

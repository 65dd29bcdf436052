package dev.skiff.server.controller.support;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Future;
import java.util.List;

/**
 * The parent/children bookkeeping a workload controller (ReplicaSet: pods, Deployment: ReplicaSets)
 * needs around its pure reconciler, written once: the parent to reconcile (the newer of the cache
 * and this controller's last status write), the children it controls (the cache merged with this
 * controller's writes the cache does not show yet), and the writes that keep both trackers right.
 * Keys are parent keys.
 */
public final class ControlledChildren<P extends KubeObject, C extends KubeObject> {
  private final KubeClient client;
  private final Informer<P> parents;
  private final Informer<C> children;
  private final Class<C> childType;
  private final ChildTracker<C> tracker = new ChildTracker<>();
  private final RecentWrites<P> recent = new RecentWrites<>();

  public ControlledChildren(
      KubeClient client, Informer<P> parents, Informer<C> children, Class<C> childType) {
    this.client = client;
    this.parents = parents;
    this.children = children;
    this.childType = childType;
  }

  /**
   * The parent to reconcile under {@code key}, or null when there is nothing to do: it is gone (its
   * bookkeeping is forgotten) or being deleted.
   */
  public P parent(String key) {
    P cached = parents.get(key);
    if (cached == null) {
      tracker.forget(key);
      recent.forget(key);
      return null;
    }
    P parent = recent.newest(key, cached);
    return Owners.isDeleting(parent) ? null : parent;
  }

  /** The children {@code parent} controls, including this controller's writes not yet cached. */
  public List<C> controlled(String key, P parent) {
    String uid = parent.meta().uid;
    return tracker.view(
        key,
        children.byIndex(SharedInformers.OWNER_INDEX, uid).stream()
            .filter(c -> Owners.isControlledBy(c, uid))
            .toList());
  }

  /** This controller created or updated {@code child} of the parent {@code key}. */
  public void wrote(String key, C child) {
    tracker.wrote(key, child);
  }

  /** Creates ({@code create}) or updates a child and tracks the result. */
  public Future<C> write(String key, C child, boolean create) {
    return (create ? client.create(child) : client.update(child))
        .onSuccess(written -> tracker.wrote(key, written));
  }

  /**
   * Deletes a child and keeps showing it as the cache has it until the cache shows the deletion (a
   * StatefulSet must see its pod terminating, not absent, or it would recreate the name too early);
   * one already gone counts as deleted.
   */
  public Future<Void> deleteShown(C child) {
    return Writes.ignoreNotFound(
        client.delete(childType, child.meta().namespace, child.meta().name, DeleteOptions.none()));
  }

  /** Deletes a child and stops showing it at once; one already gone counts as deleted. */
  public Future<Void> delete(String key, C child) {
    return Writes.ignoreNotFound(
            client.delete(
                childType, child.meta().namespace, child.meta().name, DeleteOptions.none()))
        .onSuccess(v -> tracker.deleted(key, child.meta().name));
  }

  /** Writes the parent's status and remembers the result; a parent already gone is no failure. */
  public Future<Void> writeStatus(String key, P updated) {
    return Writes.ignoreNotFound(
        client
            .updateStatus(updated)
            .onSuccess(written -> recent.remember(key, written))
            .onFailure(e -> recent.forget(key)));
  }
}

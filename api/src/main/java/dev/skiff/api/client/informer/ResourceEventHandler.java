package dev.skiff.api.client.informer;

import dev.skiff.api.model.meta.KubeObject;

/**
 * Notifications from an {@link Informer}, called on the informer's context, one at a time. Handlers
 * should only turn the object into a key and enqueue it: the cache, not the event, is the truth.
 * The objects are the cache's own: never modify them (copy first).
 */
public interface ResourceEventHandler<T extends KubeObject> {

  default void onAdd(T object) {}

  /** Also called with {@code oldObject == newObject} on every periodic resync. */
  default void onUpdate(T oldObject, T newObject) {}

  /** {@code object} is the last state known (from the DELETED event, or the cache on relist). */
  default void onDelete(T object) {}
}

package dev.skiff.api.client.informer;

import dev.skiff.api.model.meta.KubeObject;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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

  /** A handler made of three callbacks, e.g. method references to a narrower interface. */
  static <T extends KubeObject> ResourceEventHandler<T> of(
      Consumer<T> add, BiConsumer<T, T> update, Consumer<T> delete) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        add.accept(object);
      }

      @Override
      public void onUpdate(T oldObject, T newObject) {
        update.accept(oldObject, newObject);
      }

      @Override
      public void onDelete(T object) {
        delete.accept(object);
      }
    };
  }
}

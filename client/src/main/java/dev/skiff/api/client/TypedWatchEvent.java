package dev.skiff.api.client;

import dev.skiff.api.model.meta.KubeObject;

/**
 * One decoded watch event. ERROR events never reach a typed handler: they end the watch, whose
 * {@link Watch#done()} then fails with the Status they carried.
 *
 * @param object the object after the change; for DELETED its last state; for BOOKMARK an object
 *     that carries only {@code metadata.resourceVersion}
 */
public record TypedWatchEvent<T extends KubeObject>(Type type, T object) {

  /** The watch event types a typed handler can see. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK
  }

  /** The resourceVersion of this event: where a re-watch would resume. */
  public String resourceVersion() {
    return object.metadata == null ? null : object.metadata.resourceVersion;
  }
}

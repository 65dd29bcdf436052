package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One committed change, in global resourceVersion order. Its object is held as JSON ({@link
 * #stored()}); {@link #object()} parses it once, on first use, and shares that tree with every
 * other reader of the event.
 */
public final class StoreEvent {
  private final String type;
  private final long resourceVersion;
  private final StoreKey key;
  private final StoredObject stored;
  private volatile ObjectNode tree;

  /**
   * @param type ADDED, MODIFIED or DELETED
   * @param resourceVersion the version the change committed at (for DELETED: the deletion's
   *     version)
   * @param key the object's key
   * @param stored the object after the change (for DELETED: its last state, carrying the deletion
   *     version as metadata.resourceVersion)
   */
  public StoreEvent(String type, long resourceVersion, StoreKey key, StoredObject stored) {
    this.type = type;
    this.resourceVersion = resourceVersion;
    this.key = key;
    this.stored = stored;
  }

  public String type() {
    return type;
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  public StoreKey key() {
    return key;
  }

  /** The object as JSON. */
  public StoredObject stored() {
    return stored;
  }

  /** The object as a tree, parsed on first use. Shared: never mutate it, copy first. */
  public ObjectNode object() {
    ObjectNode t = tree;
    if (t == null) {
      t = stored.tree();
      tree = t;
    }
    return t;
  }

  /** The same change under another type (a filtered watcher's ADDED or DELETED). */
  StoreEvent as(String otherType) {
    StoreEvent event = new StoreEvent(otherType, resourceVersion, key, stored);
    event.tree = tree;
    return event;
  }

  @Override
  public String toString() {
    return type + " " + key + " @" + resourceVersion;
  }
}

package dev.skiff.server.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The cached objects, recent changes and local watchers of one resource. Not thread-safe: the
 * {@link WatchCache} guards it.
 */
final class ResourceCache {
  /**
   * One change and the object's state before it (null when unknown). Kept as JSON only: the live
   * event may carry a parsed tree, which the history must not keep alive.
   */
  record Change(String type, StoreKey key, StoredObject object, StoredObject previous) {
    long resourceVersion() {
      return object.resourceVersion();
    }

    StoreEvent event() {
      return new StoreEvent(type, object.resourceVersion(), key, object);
    }

    /** The JSON bytes this change keeps alive (its object and the state before it). */
    long bytes() {
      return object.json().length + (previous == null ? 0 : previous.json().length);
    }
  }

  private final TreeMap<String, TreeMap<String, StoredObject>> namespaces = new TreeMap<>();
  private final ArrayDeque<Change> history = new ArrayDeque<>();
  private final List<LocalWatch> watchers = new ArrayList<>();
  private final String resource;
  private long evictedThrough;
  private long historyBytes;

  ResourceCache(String resource) {
    this.resource = resource;
  }

  StoredObject get(StoreKey key) {
    TreeMap<String, StoredObject> names = namespaces.get(key.namespace());
    return names == null ? null : names.get(key.name());
  }

  void put(StoreKey key, StoredObject object) {
    namespaces.computeIfAbsent(key.namespace(), ns -> new TreeMap<>()).put(key.name(), object);
  }

  /**
   * Applies a change unless the cache already holds the same or a newer version (possible only
   * right after loading from the map), records it and hands it to the watchers. Returns by how many
   * bytes the history grew (negative when the count limit evicted more than was added).
   */
  long apply(StoreEvent event, int historyLimit) {
    long before = historyBytes;
    StoredObject current = get(event.key());
    StoredObject previous = null;
    if (current == null || current.resourceVersion() < event.resourceVersion()) {
      previous = current;
      if ("DELETED".equals(event.type())) {
        remove(event.key());
      } else {
        put(event.key(), event.stored());
      }
    }
    Change change = new Change(event.type(), event.key(), event.stored(), previous);
    history.addLast(change);
    historyBytes += change.bytes();
    while (history.size() > historyLimit) {
      evictOldest();
    }
    Iterator<LocalWatch> it = watchers.iterator();
    while (it.hasNext()) {
      LocalWatch watcher = it.next();
      if (watcher.isClosed()) {
        it.remove();
      } else {
        watcher.offer(event, previous);
      }
    }
    return historyBytes - before;
  }

  /** The version of the oldest recorded change, or Long.MAX_VALUE when none is. */
  long oldestRecorded() {
    Change oldest = history.peekFirst();
    return oldest == null ? Long.MAX_VALUE : oldest.resourceVersion();
  }

  /** Forgets the oldest recorded change; returns the bytes that frees (0 when none is left). */
  long evictOldest() {
    Change oldest = history.pollFirst();
    if (oldest == null) {
      return 0;
    }
    evictedThrough = oldest.resourceVersion();
    historyBytes -= oldest.bytes();
    return oldest.bytes();
  }

  /** The JSON bytes the recorded changes keep alive. */
  long historyBytes() {
    return historyBytes;
  }

  /** Versions at or below this are no longer in the history. */
  long evictedThrough() {
    return evictedThrough;
  }

  List<StoredObject> list(String namespace) {
    List<StoredObject> items = new ArrayList<>();
    if (namespace != null) {
      TreeMap<String, StoredObject> names = namespaces.get(namespace);
      if (names != null) {
        items.addAll(names.values());
      }
      return items;
    }
    for (Map<String, StoredObject> names : namespaces.values()) {
      items.addAll(names.values());
    }
    return items;
  }

  /**
   * The objects of a namespace (null: all) as they were at {@code resourceVersion}, undoing the
   * recorded changes after it, newest first; null when one of them does not know its previous
   * state. The caller checks that the history reaches back to that version.
   */
  List<StoredObject> listAt(String namespace, long resourceVersion) {
    Map<StoreKey, StoredObject> state = new HashMap<>();
    forEach(namespace, state::put);
    Iterator<Change> newestFirst = history.descendingIterator();
    while (newestFirst.hasNext()) {
      Change change = newestFirst.next();
      if (change.resourceVersion() <= resourceVersion) {
        break;
      }
      if (namespace != null && !namespace.equals(change.key().namespace())) {
        continue;
      }
      if ("ADDED".equals(change.type())) {
        state.remove(change.key());
      } else if (change.previous() != null) {
        state.put(change.key(), change.previous());
      } else {
        return null;
      }
    }
    return new ArrayList<>(state.values());
  }

  void forEach(String namespace, BiConsumer<StoreKey, StoredObject> action) {
    namespaces.forEach(
        (ns, names) -> {
          if (namespace == null || namespace.equals(ns)) {
            names.forEach(
                (name, object) -> action.accept(new StoreKey(resource, ns, name), object));
          }
        });
  }

  /** Queues the recorded changes after {@code fromRv} for a new watcher, then adds it. */
  void replay(LocalWatch watcher, long fromRv) {
    for (Change change : history) {
      if (change.resourceVersion() > fromRv) {
        watcher.offer(change.event(), change.previous());
      }
    }
    watchers.add(watcher);
  }

  void addWatcher(LocalWatch watcher) {
    watchers.add(watcher);
  }

  void removeWatcher(LocalWatch watcher) {
    watchers.remove(watcher);
  }

  List<LocalWatch> watchers() {
    return watchers;
  }

  /** Every object held, by key. */
  Map<StoreKey, StoredObject> objects() {
    Map<StoreKey, StoredObject> all = new HashMap<>();
    namespaces.forEach(
        (namespace, names) ->
            names.forEach(
                (name, object) -> all.put(new StoreKey(resource, namespace, name), object)));
    return all;
  }

  /** Drops {@code key} if it still holds {@code object}; returns whether it did. */
  boolean drop(StoreKey key, StoredObject object) {
    if (get(key) != object) {
      return false;
    }
    remove(key);
    return true;
  }

  private void remove(StoreKey key) {
    TreeMap<String, StoredObject> names = namespaces.get(key.namespace());
    if (names != null && names.remove(key.name()) != null && names.isEmpty()) {
      namespaces.remove(key.namespace());
    }
  }
}

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
  }

  private final TreeMap<String, TreeMap<String, StoredObject>> namespaces = new TreeMap<>();
  private final ArrayDeque<Change> history = new ArrayDeque<>();
  private final List<LocalWatch> watchers = new ArrayList<>();
  private final String resource;
  private long evictedThrough;

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
   * right after loading from the map), records it and hands it to the watchers.
   */
  void apply(StoreEvent event, int historyLimit) {
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
    history.addLast(new Change(event.type(), event.key(), event.stored(), previous));
    while (history.size() > historyLimit) {
      evictedThrough = history.removeFirst().resourceVersion();
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

  private void remove(StoreKey key) {
    TreeMap<String, StoredObject> names = namespaces.get(key.namespace());
    if (names != null && names.remove(key.name()) != null && names.isEmpty()) {
      namespaces.remove(key.namespace());
    }
  }
}

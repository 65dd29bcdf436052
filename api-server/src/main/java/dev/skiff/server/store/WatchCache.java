package dev.skiff.server.store;

import dev.skiff.api.status.StatusException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This replica's copy of every object and of recent changes, fed in log order by the {@link
 * ChangeTailer}; serves lists and watches. All state is guarded by this object's monitor, so
 * registering a watcher and applying a change never interleave: a watcher gets every change after
 * its start exactly once.
 */
final class WatchCache {
  private final HzStoreOptions options;
  private final Map<String, ResourceCache> resources = new HashMap<>();
  private boolean loaded;
  private long appliedSequence = -1;
  private long historyFrom;
  private long historyBytes;

  WatchCache(HzStoreOptions options) {
    this.options = options;
  }

  /**
   * Replaces the cache with objects read from the map; changes are then applied from log sequence
   * {@code nextSequence} on. Every current watcher is ended, since it may have missed changes.
   */
  synchronized void reset(Map<StoreKey, StoredObject> objects, long nextSequence) {
    endWatchers();
    resources.clear();
    historyBytes = 0;
    objects.forEach((key, object) -> resource(key.resource()).put(key, object));
    appliedSequence = nextSequence - 1;
    historyFrom = ObjectCodec.rv(appliedSequence);
    loaded = true;
    notifyAll();
  }

  /** Applies changes read from the log, all sequences up to {@code lastSequence}. */
  synchronized void apply(List<StoreEvent> events, long lastSequence) {
    for (StoreEvent event : events) {
      historyBytes += resource(event.key().resource()).apply(event, options.historyPerResource());
    }
    while (historyBytes > options.historyBytes() && evictOldest()) {
      // the budget holds the whole history, of every resource: the oldest change goes first
    }
    appliedSequence = lastSequence;
    notifyAll();
  }

  /** Waits until the cache is loaded and has applied the log through {@code sequence}. */
  synchronized void awaitApplied(long sequence, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    try {
      while (!loaded || appliedSequence < sequence) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw StatusException.unavailable(
              "the watch cache is still catching up with the change log");
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StatusException.unavailable("interrupted");
    }
  }

  /** Waits until the cache has applied {@code resourceVersion}; false when it has not in time. */
  synchronized boolean awaitVersion(long resourceVersion, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    try {
      while (!loaded || ObjectCodec.rv(appliedSequence) < resourceVersion) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StatusException.unavailable("interrupted");
    }
  }

  /**
   * The objects as they were at {@code resourceVersion}: the current ones with the recorded changes
   * after that version undone. Fails Expired when the history no longer reaches back that far.
   */
  synchronized ListResult snapshotAt(String resource, String namespace, long resourceVersion) {
    long current = ObjectCodec.rv(appliedSequence);
    ResourceCache cache = resource(resource);
    if (resourceVersion < Math.max(historyFrom, cache.evictedThrough())) {
      throw StoreErrors.expired(resourceVersion, current);
    }
    List<StoredObject> items = cache.listAt(namespace, resourceVersion);
    if (items == null) {
      throw StoreErrors.expired(resourceVersion, current);
    }
    return new ListResult(resourceVersion, items);
  }

  synchronized ListResult snapshot(String resource, String namespace) {
    ResourceCache cache = resources.get(resource);
    List<StoredObject> items = cache == null ? new ArrayList<>() : cache.list(namespace);
    return new ListResult(ObjectCodec.rv(appliedSequence), items);
  }

  /**
   * Starts a watcher: at version 0 with the current objects as synthetic ADDED events, otherwise
   * with the recorded changes after its version; fails Expired when those are gone.
   */
  synchronized void register(LocalWatch watcher) {
    WatchRequest request = watcher.request();
    ResourceCache cache = resource(request.resource());
    long from = request.resourceVersion();
    if (from == 0) {
      cache.forEach(
          request.namespace(),
          (key, object) -> {
            StoreEvent added = new StoreEvent("ADDED", object.resourceVersion(), key, object);
            if (request.filter() == null || request.filter().test(added.object())) {
              watcher.offerInitial(added);
            }
          });
      cache.addWatcher(watcher);
      return;
    }
    if (from < Math.max(historyFrom, cache.evictedThrough())) {
      throw StoreErrors.expired(from, ObjectCodec.rv(appliedSequence));
    }
    cache.replay(watcher, from);
  }

  synchronized void unregister(LocalWatch watcher) {
    ResourceCache cache = resources.get(watcher.request().resource());
    if (cache != null) {
      cache.removeWatcher(watcher);
    }
  }

  /** The object as this replica last saw it (shared, do not mutate), or null. */
  synchronized StoredObject peek(StoreKey key) {
    ResourceCache cache = resources.get(key.resource());
    return cache == null ? null : cache.get(key);
  }

  synchronized long currentResourceVersion() {
    return ObjectCodec.rv(appliedSequence);
  }

  /** Every object held, by key. */
  synchronized Map<StoreKey, StoredObject> objects() {
    Map<StoreKey, StoredObject> all = new HashMap<>();
    resources.values().forEach(cache -> all.putAll(cache.objects()));
    return all;
  }

  /**
   * Drops objects the store no longer holds (lost with their partitions), each only if the cache
   * still holds the version given, and ends every watcher if any was dropped, so that clients
   * relist. Returns the keys dropped.
   */
  synchronized List<StoreKey> drop(Map<StoreKey, StoredObject> gone) {
    List<StoreKey> dropped = new ArrayList<>();
    gone.forEach(
        (key, object) -> {
          if (resource(key.resource()).drop(key, object)) {
            dropped.add(key);
          }
        });
    if (!dropped.isEmpty()) {
      endWatchers();
    }
    return dropped;
  }

  /** The JSON bytes every resource's recorded changes keep alive. */
  synchronized long historyBytes() {
    return historyBytes;
  }

  /** Forgets the oldest recorded change of any resource; false when none is left. */
  private boolean evictOldest() {
    ResourceCache oldest = null;
    for (ResourceCache cache : resources.values()) {
      if (oldest == null || cache.oldestRecorded() < oldest.oldestRecorded()) {
        oldest = cache;
      }
    }
    if (oldest == null || oldest.oldestRecorded() == Long.MAX_VALUE) {
      return false;
    }
    historyBytes -= oldest.evictOldest();
    return true;
  }

  synchronized void endWatchers() {
    for (ResourceCache cache : resources.values()) {
      cache.watchers().forEach(LocalWatch::end);
      cache.watchers().clear();
    }
  }

  private ResourceCache resource(String resource) {
    return resources.computeIfAbsent(resource, ResourceCache::new);
  }
}

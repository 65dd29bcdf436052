package dev.skiff.server.controller.support;

import dev.skiff.api.model.meta.KubeObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The children a controller created, updated or deleted under a parent key that its informer may
 * not show yet (Kubernetes' expectations / EndpointSliceTracker): without it, a sync right after a
 * create would not see the new child and create another. {@link #view} merges the cache with these
 * writes; an entry is dropped once the cache has caught up. resourceVersions compare as numbers
 * (Skiff's are one global counter).
 */
public final class ChildTracker<T extends KubeObject> {
  private final Map<String, Map<String, T>> written = new LinkedHashMap<>();
  private final Map<String, Set<String>> deleted = new LinkedHashMap<>();

  public synchronized void wrote(String parentKey, T child) {
    written.computeIfAbsent(parentKey, k -> new LinkedHashMap<>()).put(child.meta().name, child);
  }

  public synchronized void deleted(String parentKey, String name) {
    Map<String, T> mine = written.get(parentKey);
    if (mine != null) {
      mine.remove(name);
    }
    deleted.computeIfAbsent(parentKey, k -> new HashSet<>()).add(name);
  }

  public synchronized void forget(String parentKey) {
    written.remove(parentKey);
    deleted.remove(parentKey);
  }

  /** The children as this controller knows them: the cache, corrected by its recent writes. */
  public synchronized List<T> view(String parentKey, List<T> cached) {
    Map<String, T> byName = new LinkedHashMap<>();
    cached.forEach(s -> byName.put(s.meta().name, s));
    Map<String, T> mine = written.get(parentKey);
    if (mine != null) {
      for (T s : new ArrayList<>(mine.values())) {
        T c = byName.get(s.meta().name);
        if (c != null && version(c) >= version(s)) {
          mine.remove(s.meta().name);
        } else {
          byName.put(s.meta().name, s);
        }
      }
      if (mine.isEmpty()) {
        written.remove(parentKey);
      }
    }
    Set<String> gone = deleted.get(parentKey);
    if (gone != null) {
      for (String name : new ArrayList<>(gone)) {
        boolean inCache = cached.stream().anyMatch(s -> name.equals(s.meta().name));
        byName.remove(name);
        if (!inCache) {
          gone.remove(name);
        }
      }
      if (gone.isEmpty()) {
        deleted.remove(parentKey);
      }
    }
    return new ArrayList<>(byName.values());
  }

  private static long version(KubeObject s) {
    try {
      return Long.parseLong(s.meta().resourceVersion);
    } catch (RuntimeException e) {
      return -1;
    }
  }
}

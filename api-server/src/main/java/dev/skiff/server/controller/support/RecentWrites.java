package dev.skiff.server.controller.support;

import dev.skiff.api.model.meta.KubeObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the objects a controller wrote until its informer has caught up with them, so that a
 * sync right after a write works from the write's result instead of a stale cache (which would only
 * earn a 409 Conflict and a retry). Like the EndpointSlice controller's tracker of stale caches.
 * resourceVersions are compared as numbers (Skiff's are one global counter).
 */
public final class RecentWrites<T extends KubeObject> {
  private final Map<String, T> written = new ConcurrentHashMap<>();

  public void remember(String key, T object) {
    written.merge(key, object, (old, now) -> newer(now, old) ? now : old);
  }

  public void forget(String key) {
    written.remove(key);
  }

  /** The newer of the cached object and the one this controller last wrote under {@code key}. */
  public T newest(String key, T cached) {
    T mine = written.get(key);
    if (mine == null) {
      return cached;
    }
    if (cached != null && !newer(mine, cached)) {
      written.remove(key, mine);
      return cached;
    }
    return mine;
  }

  static boolean newer(KubeObject a, KubeObject b) {
    return version(a) > version(b);
  }

  private static long version(KubeObject o) {
    try {
      return Long.parseLong(o.meta().resourceVersion);
    } catch (RuntimeException e) {
      return -1;
    }
  }
}

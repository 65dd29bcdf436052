package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.selector.ObjectFilter;
import dev.skiff.server.store.StoreEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * Applies label/field selectors to a watch the way the real server does: an object that starts
 * matching is ADDED, one that stops matching is DELETED. The watcher's visible set is exact when
 * the watch began with the full initial state; from a resourceVersion it is learnt as events pass,
 * so a first matching MODIFIED stays MODIFIED. (The store's {@code PredicateWatchFilter} is the
 * other filter: a {@code WatchRequest} predicate judged against the object's previous state.)
 */
final class SelectorWatchFilter {
  private final ObjectFilter filter;
  private final Set<String> visible = new HashSet<>();
  private boolean complete;

  SelectorWatchFilter(ObjectFilter filter) {
    this.filter = filter;
  }

  /** The initial state was sent: from now on the visible set is exact. */
  void markComplete() {
    complete = true;
  }

  /** Whether every object matches (no selectors). */
  boolean isEmpty() {
    return filter.isEmpty();
  }

  boolean matches(ObjectNode object) {
    return filter.test(object);
  }

  /** Records an object sent as a synthetic ADDED. */
  void seen(String key) {
    if (!filter.isEmpty()) {
      visible.add(key);
    }
  }

  /** The event type to send for a store event, or null to skip it. */
  String typeFor(StoreEvent event) {
    if (filter.isEmpty()) {
      return event.type();
    }
    String key = event.key().toString();
    boolean matches = filter.test(event.object());
    switch (event.type()) {
      case WatchEvent.ADDED:
        if (matches) {
          visible.add(key);
          return WatchEvent.ADDED;
        }
        return null;
      case WatchEvent.DELETED:
        return visible.remove(key) || matches ? WatchEvent.DELETED : null;
      default:
        if (matches) {
          boolean known = !visible.add(key);
          return known || !complete ? WatchEvent.MODIFIED : WatchEvent.ADDED;
        }
        return visible.remove(key) ? WatchEvent.DELETED : null;
    }
  }
}

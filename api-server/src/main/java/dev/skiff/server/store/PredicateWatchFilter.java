package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * What a filtered watcher sees of a change, as the real API server does: an object that starts
 * matching arrives as ADDED, one that stops matching as DELETED, non-matching changes not at all.
 * Applies a {@link WatchRequest#filter()} predicate inside the store, judging a MODIFIED by the
 * object's previous state. (The HTTP watch's label/field selectors are {@code
 * http.SelectorWatchFilter}, which learns what its watcher has seen instead.)
 */
final class PredicateWatchFilter {
  private PredicateWatchFilter() {}

  /**
   * @param previous the object's state before the change, or null when unknown (then the change is
   *     taken not to cross the filter)
   * @return the event to deliver, or null
   */
  static StoreEvent apply(Predicate<ObjectNode> filter, StoreEvent event, StoredObject previous) {
    if (filter == null) {
      return event;
    }
    boolean now = filter.test(event.object());
    if (!"MODIFIED".equals(event.type())) {
      return now ? event : null;
    }
    boolean before = previous == null ? now : filter.test(previous.tree());
    if (now == before) {
      return now ? event : null;
    }
    return event.as(now ? "ADDED" : "DELETED");
  }
}

package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A consistent snapshot: every object of a resource (and namespace) as of {@code resourceVersion}.
 * A watch started at that version delivers exactly the changes made after the snapshot. The objects
 * are held as JSON (shared, immutable); {@link #items()} parses them.
 */
public record ListResult(long resourceVersion, List<StoredObject> objects) {
  /** The objects as fresh trees, owned by the caller (parsed on every call). */
  public List<ObjectNode> items() {
    List<ObjectNode> items = new ArrayList<>(objects.size());
    objects.forEach(o -> items.add(o.tree()));
    return items;
  }
}

package dev.skiff.server.store;

import java.util.Map;

/**
 * A whole copy of the store that one replica keeps (on its own disk: {@code persist/ReplicaDisk}),
 * written by its {@link ChangeTailer} in log order, before the watch cache applies the same
 * changes: when this replica's cache has reached a version, so has its copy. Values are in the
 * objects map's format (the resourceVersion, then the JSON). Called on the tailer's thread only.
 */
public interface StoreCopy {
  /** The copy becomes exactly {@code objects}, as of log sequence {@code sequence}. */
  void replace(Map<String, byte[]> objects, long sequence);

  /** Applies changes in order, through log sequence {@code sequence}; a null value deletes. */
  void apply(Map<String, byte[]> changes, long sequence);

  /** Deletes keys the store lost (see {@link ChangeTailer#reconcile()}). */
  void drop(Iterable<String> keys);
}

package dev.skiff.server.store.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one {@link DiskStore} of a Hazelcast member, shared by its map store and change-log store:
 * opened when the member first creates either structure (not when the configuration is built), and
 * closed once, when the member shuts down.
 */
final class SharedDiskStore {
  private final Path dir;
  private final DiskStoreOptions options;
  private DiskStore store;
  private boolean closed;

  SharedDiskStore(Path dir, DiskStoreOptions options) {
    this.dir = dir;
    this.options = options;
  }

  synchronized DiskStore get() {
    if (closed) {
      throw new IllegalStateException("store " + dir + " is closed");
    }
    if (store == null) {
      try {
        store = DiskStore.open(dir, options);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the store in " + dir, e);
      }
    }
    return store;
  }

  synchronized void close() {
    closed = true;
    if (store != null) {
      store.close();
    }
  }
}

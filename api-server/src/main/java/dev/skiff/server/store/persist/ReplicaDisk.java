package dev.skiff.server.store.persist;

import com.hazelcast.config.Config;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.StoreCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A server replica's own whole copy of the store, on its own disk ({@code DATA_DIR/store}, the
 * {@link DiskStore} format): every replica of a cluster keeps one, fed in log order by its watch
 * cache's tailer, so any one can restart from it, and a cluster whose replicas all stopped restarts
 * from the newest (see {@code StoreRestore}). Unlike {@link StorePersistence} (a single member's
 * write-through map store, which with several members would hold only the partitions that member
 * owned), the copy holds every object whichever member owns it.
 *
 * <p>The change log's sequence after a full restart comes from the restoring replica: {@link
 * #attach} gives the ringbuffer a store that reports it, so versions keep increasing.
 */
public final class ReplicaDisk implements StoreCopy, AutoCloseable {
  private final DiskStore disk;
  private volatile long restoredSequence = -1;

  private ReplicaDisk(DiskStore disk) {
    this.disk = disk;
  }

  /** Opens (creating) the copy in {@code dataDir}; a damaged file is refused. Blocking. */
  public static ReplicaDisk open(Path dataDir) throws IOException {
    return new ReplicaDisk(
        DiskStore.open(StorePersistence.storeDir(dataDir), DiskStoreOptions.defaults()));
  }

  /**
   * Gives the change log of {@code config} a store whose largest sequence is the one {@link
   * #restoredSequence(long)} sets (before the store's structures are first used).
   */
  public Config attach(Config config) {
    config
        .getRingbufferConfig(HzStore.CHANGE_LOG)
        .getRingbufferStoreConfig()
        .setEnabled(true)
        .setStoreImplementation(new RestoredSequence(() -> restoredSequence));
    return config;
  }

  /** The change log's sequence the cluster restarted at (every replica sets it). */
  public void restoredSequence(long sequence) {
    restoredSequence = sequence;
  }

  /** The largest log sequence this copy has seen, -1 if none. */
  public long sequence() {
    return disk.largestSequence();
  }

  /** Every object of the copy (key, objects map value). Blocking. */
  public Map<String, byte[]> objects() {
    Map<String, byte[]> all = new HashMap<>();
    for (String key : disk.keys()) {
      byte[] value = disk.get(key);
      if (value != null) {
        all.put(key, value);
      }
    }
    return all;
  }

  @Override
  public void replace(Map<String, byte[]> objects, long sequence) {
    Set<String> gone = new HashSet<>(disk.keys());
    gone.removeAll(objects.keySet());
    gone.forEach(disk::delete);
    objects.forEach(
        (key, value) -> {
          if (!Arrays.equals(disk.get(key), value)) {
            disk.put(key, value);
          }
        });
    disk.sequence(sequence);
  }

  @Override
  public void apply(Map<String, byte[]> changes, long sequence) {
    changes.forEach(
        (key, value) -> {
          if (value == null) {
            disk.delete(key);
          } else {
            disk.put(key, value);
          }
        });
    disk.sequence(sequence);
  }

  @Override
  public void drop(Iterable<String> keys) {
    keys.forEach(disk::delete);
  }

  @Override
  public void close() {
    disk.close();
  }
}

package dev.skiff.server.store.persist;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import com.hazelcast.map.MapStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The objects map's MapStore: write-through (every set and delete is on disk, in the kernel at
 * least, before the map operation returns) and loaded whole when the member starts. Hazelcast calls
 * it on its own threads, never on a Vert.x event loop.
 */
final class ObjectMapStore implements MapStore<String, byte[]>, MapLoaderLifecycleSupport {
  private final SharedDiskStore disk;

  ObjectMapStore(SharedDiskStore disk) {
    this.disk = disk;
  }

  /** Opens the files as the member creates the map, so a locked directory fails that. */
  @Override
  public void init(HazelcastInstance hazelcast, Properties properties, String mapName) {
    disk.get();
  }

  /** Nothing: the files close with the member (see {@link StorePersistence}). */
  @Override
  public void destroy() {}

  @Override
  public void store(String key, byte[] value) {
    disk.get().put(key, value);
  }

  @Override
  public void storeAll(Map<String, byte[]> entries) {
    entries.forEach(this::store);
  }

  @Override
  public void delete(String key) {
    disk.get().delete(key);
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    keys.forEach(this::delete);
  }

  @Override
  public byte[] load(String key) {
    return disk.get().get(key);
  }

  @Override
  public Map<String, byte[]> loadAll(Collection<String> keys) {
    Map<String, byte[]> values = new HashMap<>(keys.size() * 2);
    for (String key : keys) {
      byte[] value = load(key);
      if (value != null) {
        values.put(key, value);
      }
    }
    return values;
  }

  @Override
  public Iterable<String> loadAllKeys() {
    return disk.get().keys();
  }
}

package dev.skiff.server.store.persist;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import dev.skiff.server.store.HzStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps a single-member cluster's store on local disk, under the Hazelcast structures the {@link
 * HzStore} uses: a write-through MapStore on the objects map (loaded eagerly when the member
 * creates it) and a RingbufferStore on the change log that keeps resourceVersions increasing across
 * restarts. Files live in {@code DATA_DIR/store} (see {@link DiskStore}); they close when the
 * member shuts down.
 *
 * <p>Only for a cluster of one member: each member would persist just the partitions it owns.
 * Getting the objects map with this configuration blocks until it is loaded: construct the {@code
 * HzStore} off the event loop.
 */
public final class StorePersistence {
  private StorePersistence() {}

  /** The directory under {@code dataDir} holding the store's files. */
  public static Path storeDir(Path dataDir) {
    return dataDir.resolve("store");
  }

  /**
   * Reads the store in {@code dataDir} (if there is one) before a member starts on it. A damaged
   * log fails with a {@link DamagedStoreException} naming what is lost, unless {@code repair}: then
   * the readable state is kept and the returned text says what was dropped. Blocking (reads the
   * whole log); the member must not be running.
   *
   * @return what repairing dropped, or empty when the log was intact
   */
  public static Optional<String> check(Path dataDir, boolean repair) throws IOException {
    Path dir = storeDir(dataDir);
    if (!Files.exists(dir.resolve(DiskStore.LOG_FILE))) {
      return Optional.empty();
    }
    try (DiskStore store = DiskStore.open(dir, DiskStoreOptions.defaults().withRepair(repair))) {
      StoreDamage repaired = store.repaired();
      return repaired == null ? Optional.empty() : Optional.of(repaired.describe());
    }
  }

  /**
   * Adds persistence in {@code dataDir} to a replica configuration that already declares {@link
   * HzStore#OBJECTS_MAP} and {@link HzStore#CHANGE_LOG}.
   */
  public static Config attach(Config config, Path dataDir) {
    return attach(config, dataDir, DiskStoreOptions.defaults());
  }

  public static Config attach(Config config, Path dataDir, DiskStoreOptions options) {
    SharedDiskStore disk = new SharedDiskStore(storeDir(dataDir), options);
    config
        .getMapConfig(HzStore.OBJECTS_MAP)
        .getMapStoreConfig()
        .setEnabled(true)
        .setImplementation(new ObjectMapStore(disk))
        .setWriteDelaySeconds(0)
        .setOffload(false)
        .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
    config
        .getRingbufferConfig(HzStore.CHANGE_LOG)
        .getRingbufferStoreConfig()
        .setEnabled(true)
        .setStoreImplementation(new ChangeLogStore(disk));
    LifecycleListener closer =
        event -> {
          if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
            disk.close();
          }
        };
    config.addListenerConfig(new ListenerConfig(closer));
    return config;
  }
}

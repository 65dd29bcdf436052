package dev.skiff.server.store.persist;

import java.time.Duration;

/**
 * Tuning of a {@link DiskStore}.
 *
 * @param syncInterval how often written records are forced to the disk (fsync); a process that is
 *     killed loses nothing (its writes are in the kernel), a machine that loses power loses at most
 *     about this much
 * @param compactionMinBytes the log is rewritten without its dead records once it is larger than
 *     this and more than half of it is dead
 * @param repair open a damaged log with what is readable (and say what was dropped) instead of
 *     refusing it: see {@link DamagedStoreException}
 */
public record DiskStoreOptions(Duration syncInterval, long compactionMinBytes, boolean repair) {
  public static DiskStoreOptions defaults() {
    return new DiskStoreOptions(Duration.ofSeconds(1), 8L << 20, false);
  }

  public DiskStoreOptions withCompactionMinBytes(long bytes) {
    return new DiskStoreOptions(syncInterval, bytes, repair);
  }

  public DiskStoreOptions withSyncInterval(Duration interval) {
    return new DiskStoreOptions(interval, compactionMinBytes, repair);
  }

  /** Whether opening a damaged log keeps its readable state instead of failing. */
  public DiskStoreOptions withRepair(boolean on) {
    return new DiskStoreOptions(syncInterval, compactionMinBytes, on);
  }
}

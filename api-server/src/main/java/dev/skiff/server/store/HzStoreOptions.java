package dev.skiff.server.store;

import java.time.Duration;

/**
 * Tuning of an {@link HzStore} replica.
 *
 * @param historyPerResource changes kept in memory per resource for watches that resume from a
 *     resourceVersion; older versions answer 410 Expired
 * @param historyBytes the JSON bytes the recorded changes of all resources together may keep alive;
 *     beyond it the oldest changes go first (a watch resuming before them gets 410)
 * @param startupReplay changes read back from the change log when the watch cache (re)loads, so
 *     recent versions stay watchable across a replica restart
 * @param watcherQueueLimit undelivered live events one watcher may queue before the store ends that
 *     watch (the client re-watches)
 * @param lockTimeout how long a write waits for a busy key before failing 503
 * @param lockLease how long a key lock outlives a stuck writer
 * @param readTimeout how long a list or watch waits for this replica's cache to catch up
 */
public record HzStoreOptions(
    int historyPerResource,
    long historyBytes,
    int startupReplay,
    int watcherQueueLimit,
    Duration lockTimeout,
    Duration lockLease,
    Duration readTimeout) {

  public static HzStoreOptions defaults() {
    return new HzStoreOptions(
        4096,
        defaultHistoryBytes(),
        10_000,
        10_000,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  /** An eighth of the heap, between 16 and 256 MiB. */
  static long defaultHistoryBytes() {
    long eighth = Runtime.getRuntime().maxMemory() / 8;
    return Math.max(16L << 20, Math.min(256L << 20, eighth));
  }

  public HzStoreOptions withHistoryPerResource(int events) {
    return new HzStoreOptions(
        events,
        historyBytes,
        startupReplay,
        watcherQueueLimit,
        lockTimeout,
        lockLease,
        readTimeout);
  }

  public HzStoreOptions withHistoryBytes(long bytes) {
    return new HzStoreOptions(
        historyPerResource,
        bytes,
        startupReplay,
        watcherQueueLimit,
        lockTimeout,
        lockLease,
        readTimeout);
  }

  public HzStoreOptions withWatcherQueueLimit(int events) {
    return new HzStoreOptions(
        historyPerResource,
        historyBytes,
        startupReplay,
        events,
        lockTimeout,
        lockLease,
        readTimeout);
  }
}

package dev.skiff.server.store;

import java.time.Duration;

/**
 * Tuning of an {@link HzStore} replica.
 *
 * @param historyPerResource changes kept in memory per resource for watches that resume from a
 *     resourceVersion; older versions answer 410 Expired
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
    int startupReplay,
    int watcherQueueLimit,
    Duration lockTimeout,
    Duration lockLease,
    Duration readTimeout) {

  public static HzStoreOptions defaults() {
    return new HzStoreOptions(
        4096,
        10_000,
        10_000,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  public HzStoreOptions withHistoryPerResource(int events) {
    return new HzStoreOptions(
        events, startupReplay, watcherQueueLimit, lockTimeout, lockLease, readTimeout);
  }

  public HzStoreOptions withWatcherQueueLimit(int events) {
    return new HzStoreOptions(
        historyPerResource, startupReplay, events, lockTimeout, lockLease, readTimeout);
  }
}

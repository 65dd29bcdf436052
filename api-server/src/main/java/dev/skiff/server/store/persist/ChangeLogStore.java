package dev.skiff.server.store.persist;

import com.hazelcast.ringbuffer.RingbufferStore;
import com.hazelcast.ringbuffer.StaleSequenceException;

/**
 * The change log's RingbufferStore. It keeps no changes, only the largest sequence handed out, so
 * that after a restart the log continues above every resourceVersion ever given: a version is never
 * reused. It reports one more than that sequence, so every version from before the restart is older
 * than the restarted store's history, and a client watching from one gets 410 Expired and relists
 * (the changes are gone, and a write whose change was logged but whose object a crash lost must not
 * look delivered). Reads below the log's head fail as they do without a store.
 */
final class ChangeLogStore implements RingbufferStore<Object> {
  private final SharedDiskStore disk;

  ChangeLogStore(SharedDiskStore disk) {
    this.disk = disk;
  }

  @Override
  public void store(long sequence, Object change) {
    disk.get().sequence(sequence);
  }

  @Override
  public void storeAll(long firstSequence, Object[] changes) {
    if (changes.length > 0) {
      disk.get().sequence(firstSequence + changes.length - 1);
    }
  }

  @Override
  public Object load(long sequence) {
    throw new StaleSequenceException(
        "sequence " + sequence + " is no longer in the change log", sequence + 1);
  }

  @Override
  public long getLargestSequence() {
    long largest = disk.get().largestSequence();
    return largest < 0 ? -1 : largest + 1;
  }
}

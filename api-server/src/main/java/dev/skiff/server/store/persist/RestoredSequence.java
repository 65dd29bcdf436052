package dev.skiff.server.store.persist;

import com.hazelcast.ringbuffer.RingbufferStore;
import com.hazelcast.ringbuffer.StaleSequenceException;
import java.util.function.LongSupplier;

/**
 * The change log's store on a server replica ({@link ReplicaDisk}): it keeps nothing (the replica's
 * tailer writes the disk), and tells the log where to start when a restarted cluster creates it:
 * one above the restoring replica's largest sequence, as {@link ChangeLogStore} does for a single
 * member, so versions from before the restart are older than the new history (410, relist).
 */
final class RestoredSequence implements RingbufferStore<Object> {
  private final LongSupplier largest;

  RestoredSequence(LongSupplier largest) {
    this.largest = largest;
  }

  @Override
  public void store(long sequence, Object change) {}

  @Override
  public void storeAll(long firstSequence, Object[] changes) {}

  @Override
  public Object load(long sequence) {
    throw new StaleSequenceException(
        "sequence " + sequence + " is no longer in the change log", sequence + 1);
  }

  @Override
  public long getLargestSequence() {
    long sequence = largest.getAsLong();
    return sequence < 0 ? -1 : sequence + 1;
  }
}

package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking write path; every method runs whole on one worker thread, because a Hazelcast key
 * lock belongs to the thread that took it. Under the key's lock: read, decide, append the change to
 * the log (which assigns the resourceVersion), then store the object stamped with that version.
 */
final class ObjectWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectWriter.class);

  private static final long QUORUM_WAIT_NANOS = 3_000_000_000L;

  private final IMap<String, byte[]> objects;
  private final Ringbuffer<byte[]> changes;
  private final WatchCache cache;
  private final HzStoreOptions options;

  ObjectWriter(
      IMap<String, byte[]> objects,
      Ringbuffer<byte[]> changes,
      WatchCache cache,
      HzStoreOptions options) {
    this.objects = objects;
    this.changes = changes;
    this.cache = cache;
    this.options = options;
  }

  ObjectNode create(StoreKey key, ObjectNode object) {
    return locked(
        key,
        () -> {
          if (current(key) != null) {
            throw StoreErrors.alreadyExists(key);
          }
          return commit(ObjectCodec.ADDED, key, object, ObjectCodec.json(object));
        });
  }

  ObjectNode update(StoreKey key, UpdateFunction function) {
    return locked(
        key,
        () -> {
          byte[] value = existing(key);
          ObjectNode next = function.apply(ObjectCodec.valueObject(value));
          if (next == null) {
            throw new IllegalStateException("update function returned null for " + key);
          }
          byte[] json = ObjectCodec.json(next);
          if (ObjectCodec.sameJson(value, json)) {
            return ObjectCodec.stamp(next, ObjectCodec.valueRv(value));
          }
          return commit(ObjectCodec.MODIFIED, key, next, json);
        });
  }

  ObjectNode delete(StoreKey key, Consumer<ObjectNode> precondition) {
    return locked(
        key,
        () -> {
          byte[] value = existing(key);
          ObjectNode last = ObjectCodec.valueObject(value);
          if (precondition != null) {
            precondition.accept(last);
          }
          byte[] json = Arrays.copyOfRange(value, Long.BYTES, value.length);
          long rv = ObjectCodec.rv(changes.add(ObjectCodec.change(ObjectCodec.DELETED, key, json)));
          settled(() -> objects.delete(key.toString()));
          return ObjectCodec.stamp(last, rv);
        });
  }

  private ObjectNode commit(byte type, StoreKey key, ObjectNode object, byte[] json) {
    long rv = ObjectCodec.rv(changes.add(ObjectCodec.change(type, key, json)));
    settled(() -> objects.set(key.toString(), ObjectCodec.value(rv, json)));
    return ObjectCodec.stamp(object, rv);
  }

  /**
   * Runs a map write that follows a logged change, again while Hazelcast cannot confirm it (a
   * replica failed meanwhile): every watcher has seen the change, so the map must get it too, or a
   * replica loading from the map would disagree with those that read the log. The writes are
   * idempotent. Gives up after a few tries (the write then fails 503, and the replicas reconcile
   * their caches with the map after the failure: see HzStore).
   */
  private static void settled(Runnable write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (IndeterminateOperationStateException e) {
        if (attempt == 5) {
          throw e;
        }
        LOG.debug("retrying an unconfirmed map write: {}", e.toString());
        try {
          Thread.sleep(500L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private byte[] existing(StoreKey key) {
    byte[] value = current(key);
    if (value == null) {
      throw StoreErrors.notFound(key);
    }
    return value;
  }

  /**
   * The stored value, rolled forward if the log holds a newer state of the key than the map: a
   * writer that died between appending its change and storing the object leaves exactly that, and
   * every watcher has already seen the logged state, so it is the truth. (With the key locked, no
   * live writer is between those two steps.) An absent value is never rolled forward: the cache may
   * simply not have applied the deletion yet.
   */
  private byte[] current(StoreKey key) {
    byte[] value = objects.get(key.toString());
    StoredObject logged = value == null ? null : cache.peek(key);
    if (logged == null) {
      return value;
    }
    long loggedRv = logged.resourceVersion();
    if (loggedRv <= ObjectCodec.valueRv(value)) {
      return value;
    }
    LOG.warn("{}: storing logged version {} that its writer never stored", key, loggedRv);
    byte[] repaired = ObjectCodec.value(loggedRv, ObjectCodec.json(logged.tree()));
    objects.set(key.toString(), repaired);
    return repaired;
  }

  /**
   * Runs {@code body} under the key's lock; a write the store's quorum refuses, or whose outcome
   * Hazelcast cannot confirm, fails 503 (never acknowledged).
   */
  private ObjectNode locked(StoreKey key, Supplier<ObjectNode> body) {
    // Hazelcast evaluates the quorum on membership events: a member that has just started may
    // refuse its first writes for a moment, so the refusal must hold for a while to count
    long deadline = System.nanoTime() + QUORUM_WAIT_NANOS;
    while (true) {
      try {
        return underLock(key, body);
      } catch (SplitBrainProtectionException e) {
        if (System.nanoTime() > deadline) {
          throw StoreErrors.noQuorum(key);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw StoreErrors.noQuorum(key);
        }
      } catch (IndeterminateOperationStateException e) {
        LOG.warn("{}: the store could not confirm a write: {}", key, e.toString());
        throw StoreErrors.indeterminate(key);
      }
    }
  }

  private ObjectNode underLock(StoreKey key, Supplier<ObjectNode> body) {
    String k = key.toString();
    boolean locked;
    try {
      locked =
          objects.tryLock(
              k,
              options.lockTimeout().toMillis(),
              TimeUnit.MILLISECONDS,
              options.lockLease().toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StoreErrors.busy(key);
    }
    if (!locked) {
      throw StoreErrors.busy(key);
    }
    try {
      return body.get();
    } finally {
      unlock(k);
    }
  }

  private void unlock(String key) {
    try {
      objects.unlock(key);
    } catch (IllegalMonitorStateException e) {
      LOG.warn("{}: lock lease expired before the write finished", key);
    }
  }
}

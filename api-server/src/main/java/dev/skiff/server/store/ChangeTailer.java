package dev.skiff.server.store;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.ringbuffer.StaleSequenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link WatchCache} from the change log, in order, on one dedicated thread (never an
 * event loop: reads are asynchronous, and decoding happens here). Loading takes the log's tail,
 * then the map, then replays the log from a little before that tail, so a write in flight while
 * loading is never lost (the cache keeps the newer version of each object). If the log overwrote
 * changes this replica had not read, it reloads, and ends every local watch so clients relist.
 */
final class ChangeTailer {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeTailer.class);
  private static final int BATCH = 1000;

  private final IMap<String, byte[]> objects;
  private final Ringbuffer<byte[]> changes;
  private final WatchCache cache;
  private final int replay;
  private final StoreCopy copy;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final AppliedLog applied = new AppliedLog();
  private final ScheduledExecutorService thread;
  private volatile boolean stopped;
  private int batch;
  private long next;
  private long reconcileAfter = -1;

  ChangeTailer(
      IMap<String, byte[]> objects,
      Ringbuffer<byte[]> changes,
      WatchCache cache,
      int replay,
      StoreCopy copy) {
    this.objects = objects;
    this.copy = copy;
    this.changes = changes;
    this.cache = cache;
    this.replay = replay;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "skiff-watch-cache");
              t.setDaemon(true);
              return t;
            });
  }

  void start() {
    thread.execute(this::load);
  }

  /** Completes once the cache holds a first snapshot. */
  CompletableFuture<Void> ready() {
    return ready;
  }

  void stop() {
    stopped = true;
    thread.shutdownNow();
  }

  private void load() {
    if (stopped) {
      return;
    }
    try {
      batch = (int) Math.min(BATCH, changes.capacity());
      long tail = changes.tailSequence();
      long from = Math.max(changes.headSequence(), tail + 1 - replay);
      Map<StoreKey, StoredObject> snapshot = new HashMap<>();
      Map<String, byte[]> values = new HashMap<>();
      for (Map.Entry<String, byte[]> entry : objects.entrySet()) {
        snapshot.put(
            ObjectCodec.parseKey(entry.getKey()), ObjectCodec.valueStored(entry.getValue()));
        values.put(entry.getKey(), entry.getValue());
      }
      if (copy != null) {
        copy.replace(values, from - 1);
      }
      cache.reset(snapshot, from);
      next = from;
      reconcileAfter = tail;
      applied.reset(from);
      LOG.debug("watch cache loaded {} objects, replaying the log from {}", snapshot.size(), from);
      ready.complete(null);
      read();
    } catch (RuntimeException e) {
      retry(e, this::load);
    }
  }

  private void read() {
    if (stopped) {
      return;
    }
    changes.readManyAsync(next, 1, batch, null).whenCompleteAsync(this::onRead, this::execute);
  }

  private void execute(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("watch cache stopped, dropping a read");
    }
  }

  private void onRead(ReadResultSet<byte[]> result, Throwable failure) {
    if (stopped) {
      return;
    }
    try {
      handle(result, failure);
    } catch (RuntimeException e) {
      retry(e, this::read);
    }
  }

  private void handle(ReadResultSet<byte[]> result, Throwable failure) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      if (cause instanceof StaleSequenceException || cause instanceof IllegalArgumentException) {
        resync("the change log no longer holds sequence " + next);
      } else {
        retry(cause, this::read);
      }
      return;
    }
    if (result.readCount() > 0 && result.getSequence(0) != next) {
      resync("the change log overwrote sequences " + next + ".." + (result.getSequence(0) - 1));
      return;
    }
    List<StoreEvent> events = new ArrayList<>(result.readCount());
    Map<String, byte[]> written = copy == null ? null : new LinkedHashMap<>();
    for (int i = 0; i < result.readCount(); i++) {
      applied.record(result.getSequence(i), result.get(i));
      try {
        StoreEvent event = ObjectCodec.event(result.getSequence(i), result.get(i));
        events.add(event);
        if (written != null && newerThanCached(event)) {
          written.put(
              event.key().toString(),
              ObjectCodec.valueOfChange(result.getSequence(i), result.get(i)));
        }
      } catch (RuntimeException e) {
        LOG.error("skipping undecodable change at sequence {}", result.getSequence(i), e);
      }
    }
    long last = result.getNextSequenceToReadFrom() - 1;
    if (written != null && result.readCount() > 0) {
      copy.apply(written, last);
    }
    next = last + 1;
    cache.apply(events, next - 1);
    if (reconcileAfter >= 0 && next > reconcileAfter) {
      reconcileAfter = -1;
      reconcileWithTheMap();
    }
    read();
  }

  /**
   * Whether a change is newer than the cache's object (a change replayed after loading may be older
   * than the map's snapshot, which the cache keeps).
   */
  private boolean newerThanCached(StoreEvent event) {
    StoredObject cached = cache.peek(event.key());
    return cached == null || cached.resourceVersion() <= event.resourceVersion();
  }

  /**
   * Checks, on the tailer's thread, that the log still holds the changes this replica applied last;
   * reloads if not. Run after a member leaves (the log's new owner may have lost a change) and
   * after this member merged into the majority when a split healed (its log may hold changes the
   * majority's never had): if the logs agree, local watches go on with no event lost or repeated.
   */
  void verify() {
    execute(this::checkApplied);
  }

  private void checkApplied() {
    if (stopped || !ready.isDone()) {
      return;
    }
    long from = applied.checkFrom(batch);
    int count = (int) (applied.next() - from);
    if (count <= 0) {
      return;
    }
    try {
      ReadResultSet<byte[]> result =
          changes
              .readManyAsync(from, 0, count, null)
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      long last = applied.next() - 1;
      boolean holdsLast = false;
      for (int i = 0; i < result.readCount() && result.getSequence(i) <= last; i++) {
        if (!applied.matches(result.getSequence(i), result.get(i))) {
          resync("the change log replaced the change at sequence " + result.getSequence(i));
          return;
        }
        holdsLast = result.getSequence(i) == last;
      }
      if (!holdsLast) {
        resync("the change log lost the change at sequence " + last);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StaleSequenceException
          || e.getCause() instanceof IllegalArgumentException) {
        // the log is shorter than what this replica applied: it merged into a cluster whose log
        // never had its last changes
        resync("the change log no longer holds sequence " + applied.next());
      } else {
        retry(e, this::checkApplied);
      }
    } catch (TimeoutException | RuntimeException e) {
      retry(e, this::checkApplied);
    }
  }

  /**
   * Drops from the cache, on the tailer's thread, every object the map no longer holds: run when
   * the map lost partitions (more replicas failed at once than there are backups), and after each
   * load once the replayed log is applied, since replaying may bring back changes whose objects the
   * map lost. The map is the truth: afterwards list, get and watch agree.
   */
  void reconcile() {
    execute(this::reconcileWithTheMap);
  }

  /** {@link #reconcile()}, after {@code delay}. */
  void reconcileLater(java.time.Duration delay) {
    try {
      thread.schedule(this::reconcileWithTheMap, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("watch cache stopped, not reconciling");
    }
  }

  private void reconcileWithTheMap() {
    if (stopped || !ready.isDone()) {
      return;
    }
    try {
      Set<String> stored = objects.keySet();
      Map<StoreKey, StoredObject> gone = new HashMap<>();
      cache
          .objects()
          .forEach(
              (key, object) -> {
                if (!stored.contains(key.toString()) && absent(key.toString())) {
                  gone.put(key, object);
                }
              });
      List<StoreKey> dropped = cache.drop(gone);
      if (copy != null && !dropped.isEmpty()) {
        copy.drop(dropped.stream().map(StoreKey::toString).toList());
      }
      if (!dropped.isEmpty()) {
        LOG.error(
            "the object store lost {} objects (more replicas failed at once than it keeps"
                + " backups): they are no longer listed or watched, and watches were ended so"
                + " that clients relist; lost: {}",
            dropped.size(),
            dropped.stream().limit(20).map(StoreKey::toString).toList());
      }
    } catch (RuntimeException e) {
      retry(e, this::reconcileWithTheMap);
    }
  }

  /**
   * Whether the map lacks {@code key}, checked under the key's lock: a write in flight logs its
   * change before it stores the object, and must not be taken for a loss.
   */
  private boolean absent(String key) {
    try {
      if (!objects.tryLock(key, 10, TimeUnit.SECONDS, 30, TimeUnit.SECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      return !objects.containsKey(key);
    } finally {
      objects.unlock(key);
    }
  }

  private void resync(String why) {
    LOG.warn("watch cache fell behind ({}); reloading and ending local watches", why);
    load();
  }

  private void retry(Throwable cause, Runnable action) {
    if (stopped || cause instanceof HazelcastInstanceNotActiveException) {
      LOG.debug("watch cache stopped: {}", cause.toString());
      return;
    }
    LOG.warn("watch cache read failed, retrying: {}", cause.toString());
    thread.schedule(action, 200, TimeUnit.MILLISECONDS);
  }
}

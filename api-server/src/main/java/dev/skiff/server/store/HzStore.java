package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleService;
import com.hazelcast.map.IMap;
import com.hazelcast.ringbuffer.Ringbuffer;
import dev.skiff.api.status.StatusException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} on Hazelcast. Objects live in one map (key = {@link StoreKey#toString()}); a
 * single-partition ringbuffer is the ordered change log, and its sequence numbers are the global
 * resourceVersions. Writes lock their key, append to the log, then store the object (see {@link
 * ObjectWriter}); gets read the map; lists and watches are served by this replica's {@link
 * WatchCache}, which first catches up with the log's tail for a consistent read.
 *
 * <p>Any number of replicas (one HzStore per Hazelcast member) share one cluster's store.
 *
 * <p>Ownership: {@code create} and {@code update} take the object they are given (or the one the
 * update function returns), stamp its resourceVersion and return it. Objects in list results and
 * watch events are shared with the cache: never mutate them. A {@link WatchRequest#filter()} runs
 * on the cache's thread while it applies changes: keep it fast and free of side effects.
 *
 * <p>Construct it off the event loop if convenient (it fetches Hazelcast proxies); loading the
 * cache happens in the background, and lists and watches wait for it.
 */
public final class HzStore implements Store, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HzStore.class);

  /** How long a read at a version this replica has not seen waits for it. */
  static final long FRESHNESS_WAIT_MILLIS = 3_000;

  /** How long after a member left the caches are checked against the map. */
  static final Duration RECONCILE_AFTER_LOSS = Duration.ofSeconds(20);

  /** The Hazelcast map holding the objects; see {@code HazelcastConfigs}. */
  public static final String OBJECTS_MAP = "skiff.objects";

  /** The Hazelcast ringbuffer holding the change log; see {@code HazelcastConfigs}. */
  public static final String CHANGE_LOG = "skiff.changes";

  private final Vertx vertx;
  private final HzStoreOptions options;
  private final IMap<String, byte[]> objects;
  private final Ringbuffer<byte[]> changes;
  private final WatchCache cache;
  private final ObjectWriter writer;
  private final ChangeTailer tailer;
  private final Cluster cluster;
  private final UUID membership;
  private final UUID partitionLoss;
  private final boolean copied;
  private final LifecycleService lifecycle;
  private final UUID merges;

  public HzStore(Vertx vertx, HazelcastInstance hazelcast) {
    this(vertx, hazelcast, HzStoreOptions.defaults());
  }

  /** Starts loading this replica's watch cache at once; {@link #ready()} tells when it is done. */
  public HzStore(Vertx vertx, HazelcastInstance hazelcast, HzStoreOptions options) {
    this(vertx, hazelcast, options, null);
  }

  /**
   * A store whose replica keeps a whole copy of it in {@code copy} (a server replica's disk; null
   * for none): a write is acknowledged once this replica's copy holds it, besides the two
   * synchronous backups in memory.
   */
  public HzStore(Vertx vertx, HazelcastInstance hazelcast, HzStoreOptions options, StoreCopy copy) {
    this.vertx = vertx;
    this.copied = copy != null;
    this.options = options;
    this.objects = hazelcast.getMap(OBJECTS_MAP);
    this.changes = hazelcast.getRingbuffer(CHANGE_LOG);
    this.cache = new WatchCache(options);
    this.writer = new ObjectWriter(objects, changes, cache, options);
    this.tailer = new ChangeTailer(objects, changes, cache, options.startupReplay(), copy);
    this.cluster = hazelcast.getCluster();
    this.membership =
        cluster.addMembershipListener(
            new MembershipAdapter() {
              @Override
              public void memberRemoved(MembershipEvent event) {
                tailer.verify();
                // a write cut short by the loss may have logged a change its object never
                // reached the map with: once such writes have failed (their lock leases and
                // backup waits are over), the map is the truth for every replica's cache
                tailer.reconcileLater(RECONCILE_AFTER_LOSS);
              }
            });
    this.partitionLoss =
        objects.addPartitionLostListener(
            event -> {
              LOG.error(
                  "Hazelcast lost partition {} of the object store (members failed at once,"
                      + " or one failed before its backups were in place): objects in it are"
                      + " gone",
                  event.getPartitionId());
              tailer.reconcile();
            });
    this.lifecycle = hazelcast.getLifecycleService();
    this.merges =
        lifecycle.addLifecycleListener(
            event -> {
              if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                LOG.warn("this replica rejoined the store's majority after a split");
                tailer.verify();
              }
            });
    tailer.start();
  }

  /**
   * Completes when the watch cache has its first snapshot; lists and watches wait for it anyway.
   */
  public Future<Void> ready() {
    return Future.fromCompletionStage(tailer.ready(), vertx.getOrCreateContext());
  }

  @Override
  public Future<ObjectNode> create(StoreKey key, ObjectNode object) {
    return vertx.executeBlocking(() -> copied(writer.create(key, object)), false);
  }

  @Override
  public Future<ObjectNode> get(StoreKey key) {
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(objects.getAsync(key.toString()), context)
        .map(
            value -> {
              if (value == null) {
                throw StoreErrors.notFound(key);
              }
              return ObjectCodec.valueObject(value);
            });
  }

  @Override
  public Future<ObjectNode> update(StoreKey key, UpdateFunction function) {
    return vertx.executeBlocking(() -> copied(writer.update(key, function)), false);
  }

  @Override
  public Future<ObjectNode> delete(StoreKey key, Consumer<ObjectNode> precondition) {
    return vertx.executeBlocking(() -> copied(writer.delete(key, precondition)), false);
  }

  @Override
  public Future<ListResult> list(String resource, String namespace) {
    return vertx.executeBlocking(
        () -> {
          catchUp();
          return cache.snapshot(resource, namespace);
        },
        false);
  }

  @Override
  public Future<StoreWatch> watch(
      WatchRequest request, Handler<StoreEvent> handler, Handler<Void> onClose) {
    LocalWatch watch =
        new LocalWatch(
            vertx.getOrCreateContext(),
            request,
            handler,
            onClose,
            cache,
            options.watcherQueueLimit());
    return vertx
        .executeBlocking(
            () -> {
              if (request.resourceVersion() == 0) {
                catchUp();
              } else {
                awaitFresh(request.resourceVersion());
              }
              cache.register(watch);
              return watch;
            },
            false)
        .map(
            registered -> {
              registered.activate();
              return (StoreWatch) registered;
            });
  }

  @Override
  public Future<ListResult> listAt(String resource, String namespace, long resourceVersion) {
    return vertx.executeBlocking(
        () -> {
          awaitFresh(resourceVersion);
          return cache.snapshotAt(resource, namespace, resourceVersion);
        },
        false);
  }

  @Override
  public Future<Void> awaitResourceVersion(long resourceVersion) {
    if (resourceVersion <= cache.currentResourceVersion()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(
        () -> {
          awaitFresh(resourceVersion);
          return null;
        },
        false);
  }

  @Override
  public long currentResourceVersion() {
    return cache.currentResourceVersion();
  }

  /**
   * Blocks until this replica's cache (and copy, if it keeps one) holds every change committed
   * before the call, for up to {@code wait} (then 503): a replica stopping on purpose runs it
   * first. Worker threads only.
   */
  public void flush(Duration wait) {
    awaitReady();
    cache.awaitApplied(changes.tailSequence(), wait.toMillis());
  }

  /** Stops following the log and ends every local watch (their onClose runs). */
  @Override
  public void close() {
    try {
      cluster.removeMembershipListener(membership);
      objects.removePartitionLostListener(partitionLoss);
      lifecycle.removeLifecycleListener(merges);
    } catch (HazelcastInstanceNotActiveException e) {
      // the member is gone already
    }
    tailer.stop();
    cache.endWatchers();
  }

  /** Checks that the change log still holds what this replica applied last (tests, failover). */
  void verifyChangeLog() {
    tailer.verify();
  }

  /**
   * With a copy, waits until this replica's copy holds {@code written} (its tailer writes the copy
   * before the cache); a copy that lags past the read timeout is logged, and the write still
   * acknowledged (it is in memory on every replica).
   */
  private ObjectNode copied(ObjectNode written) {
    if (copied) {
      long rv = ObjectCodec.rvOf(written);
      if (!cache.awaitVersion(rv, options.readTimeout().toMillis())) {
        LOG.warn("this replica's copy of the store did not reach version {} in time", rv);
      }
    }
    return written;
  }

  /** Blocks until the cache reflects every change committed before this call (worker only). */
  private void catchUp() {
    awaitReady();
    cache.awaitApplied(changes.tailSequence(), options.readTimeout().toMillis());
  }

  /**
   * Blocks until the cache has applied {@code resourceVersion}, for up to {@link
   * #FRESHNESS_WAIT_MILLIS} (kube-apiserver's cacher waits 3 s); then fails 504 Timeout.
   */
  private void awaitFresh(long resourceVersion) {
    awaitReady();
    if (!cache.awaitVersion(resourceVersion, FRESHNESS_WAIT_MILLIS)) {
      throw StoreErrors.tooLarge(resourceVersion, cache.currentResourceVersion());
    }
  }

  private void awaitReady() {
    try {
      tailer.ready().get(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StatusException.unavailable("interrupted");
    } catch (ExecutionException | TimeoutException e) {
      throw StatusException.unavailable("the watch cache is not loaded yet");
    }
  }
}

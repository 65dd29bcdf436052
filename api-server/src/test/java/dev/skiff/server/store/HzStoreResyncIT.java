package dev.skiff.server.store;

import static dev.skiff.server.store.TestReplicas.pod;
import static dev.skiff.server.store.TestReplicas.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A replica whose cache falls behind a tiny change log reloads and makes its watchers relist. */
class HzStoreResyncIT {
  private TestReplicas cluster;

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aCacheOverrunByTheChangeLogReloadsAndEndsItsWatches() throws Exception {
    cluster = TestReplicas.start(1, HzStoreOptions.defaults(), 16);
    HzStore store = cluster.store(0);
    HzStore stalled = new HzStore(cluster.get(0).vertx(), cluster.get(0).hazelcast());
    Await.result(stalled.ready());
    long start =
        rv(Await.result(store.create(new StoreKey("pods", "ns", "first"), pod("ns", "first"))));
    CountDownLatch release = new CountDownLatch(1);
    StoreEventRecorder watcher = new StoreEventRecorder();
    // The filter runs on the cache's thread: blocking it stalls that replica's cache.
    Await.result(
        stalled.watch(
            new WatchRequest("pods", "ns", start, o -> block(release)), watcher, watcher.onEnd()));

    Await.result(store.create(new StoreKey("pods", "ns", "stall"), pod("ns", "stall")));
    for (int i = 0; i < 40; i++) {
      Await.result(store.create(new StoreKey("pods", "ns", "p" + i), pod("ns", "p" + i)));
    }
    release.countDown();

    await().until(watcher::ended);
    ListResult list = Await.result(stalled.list("pods", "ns"));
    assertThat(list.items()).hasSize(42);
    assertThatThrownBy(
            () ->
                Await.result(
                    stalled.watch(new WatchRequest("pods", "ns", start, null), e -> {}, null)))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    StoreEventRecorder fresh = new StoreEventRecorder();
    Await.result(
        stalled.watch(new WatchRequest("pods", "ns", list.resourceVersion(), null), fresh, null));
    Await.result(store.create(new StoreKey("pods", "ns", "last"), pod("ns", "last")));
    await().until(() -> fresh.size() == 1);
    stalled.close();
  }

  @Test
  void aReplicaWhoseAppliedChangesVanishFromTheLogReloadsWhenAMemberLeaves() throws Exception {
    cluster = TestReplicas.start(1, HzStoreOptions.defaults(), 1000);
    HzStore store = cluster.store(0);
    StoreEventRecorder watcher = new StoreEventRecorder();
    long from = Await.result(store.list("pods", "ns")).resourceVersion();
    Await.result(store.watch(new WatchRequest("pods", "ns", from, null), watcher, watcher.onEnd()));
    // A second watch whose filter holds the cache's thread on the "gate" pod: while it waits, the
    // tailer has no read in flight, so the log can be swapped under it without a race.
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Await.result(
        store.watch(
            new WatchRequest(
                "pods",
                "ns",
                from,
                o -> {
                  if ("gate".equals(o.path("metadata").path("name").asText())) {
                    entered.countDown();
                    block(release);
                  }
                  return true;
                }),
            e -> {},
            null));
    for (int i = 0; i < 4; i++) {
      Await.result(store.create(new StoreKey("pods", "ns", "p" + i), pod("ns", "p" + i)));
    }
    Await.result(store.create(new StoreKey("pods", "ns", "gate"), pod("ns", "gate")));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    // What a new log owner that lacks changes looks like: the same sequences, other contents.
    var log = cluster.get(0).hazelcast().<byte[]>getRingbuffer(HzStore.CHANGE_LOG);
    log.destroy();
    for (int i = 0; i < 5; i++) {
      StoreKey other = new StoreKey("pods", "ns", "other" + i);
      log.add(ObjectCodec.change(ObjectCodec.ADDED, other, ObjectCodec.json(pod("ns", "x"))));
    }
    Await.result(store.create(new StoreKey("pods", "ns", "after"), pod("ns", "after")));
    release.countDown();
    await().until(() -> watcher.size() == 6);
    assertThat(watcher.ended()).isFalse();

    store.verifyChangeLog();

    await().until(watcher::ended);
  }

  private static boolean block(CountDownLatch release) {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }
}

package dev.skiff.server.store.persist;

import static dev.skiff.server.store.persist.PersistentReplica.object;
import static dev.skiff.server.store.persist.PersistentReplica.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.store.HzStore;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.store.StoreEvent;
import dev.skiff.server.store.StoreKey;
import dev.skiff.server.store.WatchRequest;
import dev.skiff.testing.Await;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HzStore on a one-member cluster with a data directory, restarted on the same directory. */
class PersistentStoreIT {
  @TempDir Path dataDir;
  private PersistentReplica replica;

  @AfterEach
  void stop() {
    if (replica != null) {
      replica.close();
    }
  }

  private HzStore restart() {
    if (replica != null) {
      replica.close();
    }
    replica = PersistentReplica.start(dataDir, 1000);
    return replica.store();
  }

  @Test
  void everyObjectComesBackAfterARestartAndLaterWritesGetHigherVersions() {
    HzStore store = restart();
    Map<StoreKey, ObjectNode> expected = new HashMap<>();
    long highest = 0;
    for (int i = 0; i < 30; i++) {
      StoreKey key = new StoreKey("pods", "ns" + (i % 3), "p" + i);
      expected.put(
          key, Await.result(store.create(key, object("Pod", key.namespace(), key.name()))));
    }
    for (int i = 0; i < 5; i++) {
      StoreKey key = new StoreKey("services", "default", "s" + i);
      expected.put(key, Await.result(store.create(key, object("Service", "default", key.name()))));
    }
    for (int i = 0; i < 10; i++) {
      StoreKey key = new StoreKey("pods", "ns" + (i % 3), "p" + i);
      expected.put(key, Await.result(store.update(key, PersistentStoreIT::increment)));
    }
    for (int i = 25; i < 30; i++) {
      StoreKey key = new StoreKey("pods", "ns" + (i % 3), "p" + i);
      highest = Math.max(highest, rv(Await.result(store.delete(key, null))));
      expected.remove(key);
    }
    for (ObjectNode object : expected.values()) {
      highest = Math.max(highest, rv(object));
    }

    HzStore restarted = restart();

    for (Map.Entry<StoreKey, ObjectNode> entry : expected.entrySet()) {
      assertThat(Await.result(restarted.get(entry.getKey()))).isEqualTo(entry.getValue());
    }
    ListResult pods = Await.result(restarted.list("pods", null));
    assertThat(pods.items()).hasSize(25);
    assertThat(pods.resourceVersion()).isGreaterThan(highest);
    assertThat(Await.result(restarted.list("services", "default")).items()).hasSize(5);
    StoreKey p0 = new StoreKey("pods", "ns0", "p0");
    assertThat(rv(Await.result(restarted.update(p0, PersistentStoreIT::increment))))
        .isGreaterThan(pods.resourceVersion());
    StoreKey deleted = new StoreKey("pods", "ns1", "p25");
    ObjectNode again = Await.result(restarted.create(deleted, object("Pod", "ns1", "p25")));
    assertThat(rv(again)).isGreaterThan(pods.resourceVersion());
  }

  @Test
  void versionsKeepIncreasingOverRestartsWithAndWithoutWrites() {
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HzStore store = restart();
      versions.add(Await.result(store.list("pods", "ns")).resourceVersion());
      StoreKey key = new StoreKey("pods", "ns", "p" + i);
      versions.add(rv(Await.result(store.create(key, object("Pod", "ns", key.name())))));
    }
    long listed = Await.result(restart().list("pods", "ns")).resourceVersion();
    long listedAgain = Await.result(restart().list("pods", "ns")).resourceVersion();

    assertThat(versions).isSorted().doesNotHaveDuplicates();
    assertThat(listed).isGreaterThan(versions.get(versions.size() - 1));
    assertThat(listedAgain).isEqualTo(listed);
    assertThat(Await.result(replica.store().list("pods", "ns")).items()).hasSize(3);
  }

  @Test
  void aWatchFromZeroAfterARestartListsEveryObjectThenFollowsNewChanges() {
    HzStore store = restart();
    Map<String, Long> written = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      StoreKey key = new StoreKey("pods", "ns" + (i % 2), "p" + i);
      written.put(
          key.name(),
          rv(Await.result(store.create(key, object("Pod", key.namespace(), key.name())))));
    }

    HzStore restarted = restart();
    List<StoreEvent> events = new CopyOnWriteArrayList<>();
    Await.result(restarted.watch(new WatchRequest("pods", null, 0, null), events::add, null));
    await().until(() -> events.size() == 20);
    ObjectNode later =
        Await.result(
            restarted.create(new StoreKey("pods", "ns0", "later"), object("Pod", "ns0", "later")));
    await().until(() -> events.size() == 21);

    Map<String, Long> listed = new HashMap<>();
    for (StoreEvent event : events.subList(0, 20)) {
      assertThat(event.type()).isEqualTo("ADDED");
      listed.put(event.key().name(), event.resourceVersion());
    }
    assertThat(listed).isEqualTo(written);
    StoreEvent last = events.get(20);
    assertThat(last.key().name()).isEqualTo("later");
    assertThat(last.resourceVersion()).isEqualTo(rv(later));
  }

  @Test
  void aWatchFromAVersionBeforeTheRestartIsExpiredSoTheClientRelists() {
    HzStore store = restart();
    long before =
        rv(Await.result(store.create(new StoreKey("pods", "ns", "a"), object("Pod", "ns", "a"))));

    HzStore restarted = restart();

    assertThatThrownBy(
            () ->
                Await.result(
                    restarted.watch(new WatchRequest("pods", "ns", before, null), e -> {}, null)))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void aCacheOverrunByTheChangeLogStillReloadsWithPersistence() {
    replica = PersistentReplica.start(dataDir, 16);
    HzStore store = replica.store();
    HzStore stalled = new HzStore(replica.vertx(), replica.hazelcast());
    Await.result(stalled.ready());
    long start =
        rv(
            Await.result(
                store.create(new StoreKey("pods", "ns", "first"), object("Pod", "ns", "first"))));
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean ended = new AtomicBoolean();
    // The filter runs on the cache's thread: blocking it stalls that store's cache.
    Await.result(
        stalled.watch(
            new WatchRequest("pods", "ns", start, o -> block(release)),
            e -> {},
            v -> ended.set(true)));

    for (int i = 0; i < 40; i++) {
      Await.result(store.create(new StoreKey("pods", "ns", "p" + i), object("Pod", "ns", "p" + i)));
    }
    release.countDown();

    await().until(ended::get);
    assertThat(Await.result(stalled.list("pods", "ns")).items()).hasSize(41);
    stalled.close();
  }

  @Test
  void aSecondMemberOnTheSameDataDirectoryIsRefused() {
    restart();

    assertThatThrownBy(() -> PersistentReplica.start(dataDir, 1000))
        .hasStackTraceContaining("in use by another store");
  }

  private static ObjectNode increment(ObjectNode current) {
    ObjectNode spec = (ObjectNode) current.path("spec");
    spec.put("counter", spec.path("counter").asInt() + 1);
    return current;
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

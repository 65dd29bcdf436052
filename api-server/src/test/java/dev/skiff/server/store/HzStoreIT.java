package dev.skiff.server.store;

import static dev.skiff.server.store.HzStoreTest.increment;
import static dev.skiff.server.store.TestReplicas.pod;
import static dev.skiff.server.store.TestReplicas.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two replicas (two Hazelcast members, two Vert.x, two stores) sharing one store. */
class HzStoreIT {
  private static TestReplicas cluster;
  private static HzStore a;
  private static HzStore b;

  private final String ns = "ns-" + UUID.randomUUID();

  @BeforeAll
  static void startReplicas() {
    cluster = TestReplicas.start(2, HzStoreOptions.defaults(), 50_000);
    a = cluster.store(0);
    b = cluster.store(1);
  }

  @AfterAll
  static void stopReplicas() {
    cluster.close();
  }

  private StoreKey key(String name) {
    return new StoreKey("pods", ns, name);
  }

  @Test
  void writesOnOneReplicaAreSeenInOrderByGetListAndWatchOnTheOther() {
    StoreEventRecorder onB = watch(b, Await.result(b.list("pods", ns)).resourceVersion());
    List<Long> written = new ArrayList<>();

    for (int i = 0; i < 20; i++) {
      written.add(rv(Await.result(a.create(key("p" + i), pod(ns, "p" + i)))));
      written.add(rv(Await.result(a.update(key("p" + i), HzStoreTest::increment))));
    }

    assertThat(Await.result(b.get(key("p7"))).path("spec").path("counter").asInt()).isEqualTo(1);
    assertThat(Await.result(b.list("pods", ns)).items()).hasSize(20);
    await().until(() -> onB.size() == written.size());
    assertThat(onB.versions()).containsExactlyElementsOf(written);
  }

  @Test
  void aListOnEitherReplicaIncludesEveryWriteAcknowledgedBeforeIt() {
    for (int i = 0; i < 50; i++) {
      HzStore writer = i % 2 == 0 ? a : b;
      HzStore reader = i % 2 == 0 ? b : a;
      long written = rv(Await.result(writer.create(key("p" + i), pod(ns, "p" + i))));

      ListResult list = Await.result(reader.list("pods", ns));

      assertThat(list.resourceVersion()).isGreaterThanOrEqualTo(written);
      assertThat(list.items()).hasSize(i + 1);
    }
  }

  @Test
  void concurrentWritersOnBothReplicasGiveEveryWatcherTheSameCompleteOrder() throws Exception {
    long from = Await.result(a.list("pods", ns)).resourceVersion();
    StoreEventRecorder onA = watch(a, from);
    StoreEventRecorder onB = watch(b, from);

    List<Long> written = new ArrayList<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      HzStore store = t % 2 == 0 ? a : b;
      String name = "w" + t;
      Thread writer =
          new Thread(
              () -> {
                List<Long> mine = new ArrayList<>();
                mine.add(rv(Await.result(store.create(key(name), pod(ns, name)))));
                for (int i = 1; i < 250; i++) {
                  mine.add(rv(Await.result(store.update(key(name), HzStoreTest::increment))));
                }
                synchronized (written) {
                  written.addAll(mine);
                }
              });
      writers.add(writer);
      writer.start();
    }
    for (Thread writer : writers) {
      writer.join();
    }

    List<Long> expected = written.stream().sorted().toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> onB.size() >= 2000 && onA.size() >= 2000);
    assertThat(onA.versions()).containsExactlyElementsOf(expected);
    assertThat(onB.versions()).containsExactlyElementsOf(expected);
    assertThat(onB.events()).extracting(StoreEvent::key).isEqualTo(keys(onA.events()));
  }

  @Test
  void updatesOfOneObjectFromBothReplicasAreLinearizable() throws Exception {
    Await.result(a.create(key("counter"), pod(ns, "counter")));
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      HzStore store = t % 2 == 0 ? a : b;
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; i < 30; i++) {
                  Await.result(store.update(key("counter"), HzStoreTest::increment));
                }
              });
      writers.add(writer);
      writer.start();
    }
    for (Thread writer : writers) {
      writer.join();
    }

    assertThat(Await.result(b.get(key("counter"))).path("spec").path("counter").asInt())
        .isEqualTo(180);
  }

  @Test
  void aReplicaWhoseCacheStartsLaterServesWatchesFromRecentVersions() {
    long before = rv(Await.result(a.create(key("p"), pod(ns, "p"))));
    List<Long> written = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      written.add(rv(Await.result(a.update(key("p"), HzStoreTest::increment))));
    }
    HzStore fresh = new HzStore(cluster.get(1).vertx(), cluster.get(1).hazelcast());
    try {
      StoreEventRecorder recorder = watch(fresh, before);

      await().until(() -> recorder.size() == 10);
      assertThat(recorder.versions()).containsExactlyElementsOf(written);
      assertThat(Await.result(fresh.list("pods", ns)).items())
          .singleElement()
          .satisfies(o -> assertThat(o.path("spec").path("counter").asInt()).isEqualTo(10));
    } finally {
      fresh.close();
    }
  }

  @Test
  void aChangeLoggedByAWriterThatDiedBeforeStoringItIsRolledForward() {
    ObjectNode created = Await.result(a.create(key("p"), pod(ns, "p")));
    // A writer that appended its change and died before storing the object.
    ObjectNode orphan = increment(created.deepCopy());
    long orphanRv =
        ObjectCodec.rv(
            cluster
                .get(0)
                .hazelcast()
                .<byte[]>getRingbuffer(HzStore.CHANGE_LOG)
                .add(
                    ObjectCodec.change(
                        ObjectCodec.MODIFIED, key("p"), ObjectCodec.json(orphan.deepCopy()))));
    await().until(() -> b.currentResourceVersion() >= orphanRv);

    ObjectNode updated = Await.result(b.update(key("p"), HzStoreTest::increment));

    assertThat(updated.path("spec").path("counter").asInt()).isEqualTo(2);
    assertThat(rv(updated)).isGreaterThan(orphanRv);
  }

  private static List<StoreKey> keys(List<StoreEvent> events) {
    return events.stream().map(StoreEvent::key).toList();
  }

  private StoreEventRecorder watch(HzStore store, long from) {
    StoreEventRecorder recorder = new StoreEventRecorder();
    Await.result(store.watch(new WatchRequest("pods", ns, from, null), recorder, recorder.onEnd()));
    return recorder;
  }
}

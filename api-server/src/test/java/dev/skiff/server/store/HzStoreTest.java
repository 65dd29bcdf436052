package dev.skiff.server.store;

import static dev.skiff.server.store.TestReplicas.pod;
import static dev.skiff.server.store.TestReplicas.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One replica on a real Hazelcast member: object semantics, errors, versions and watches. */
class HzStoreTest {
  private static TestReplicas cluster;
  private static HzStore store;

  private final String ns = "ns-" + UUID.randomUUID();

  @BeforeAll
  static void startMember() {
    cluster = TestReplicas.start(1, HzStoreOptions.defaults(), 50_000);
    store = cluster.store(0);
  }

  @AfterAll
  static void stopMember() {
    cluster.close();
  }

  private StoreKey key(String name) {
    return new StoreKey("pods", ns, name);
  }

  private ObjectNode create(String name) {
    return Await.result(store.create(key(name), pod(ns, name)));
  }

  @Test
  void createStampsVersionAndGetReturnsTheStoredObject() {
    ObjectNode created = create("a");

    ObjectNode read = Await.result(store.get(key("a")));

    assertThat(rv(created)).isPositive();
    assertThat(read).isEqualTo(created);
  }

  @Test
  void createIgnoresAClientSuppliedVersion() {
    ObjectNode pod = pod(ns, "a");
    ((ObjectNode) pod.get("metadata")).put("resourceVersion", "999999999");

    ObjectNode created = Await.result(store.create(key("a"), pod));

    assertThat(rv(created)).isLessThan(999999999L);
    assertThat(Await.result(store.get(key("a")))).isEqualTo(created);
  }

  @Test
  void createOfAnExistingNameFailsAlreadyExists() {
    create("a");

    assertThatThrownBy(() -> create("a"))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS));
  }

  @Test
  void getOfAMissingObjectFailsNotFoundNamingGroupAndResource() {
    StoreKey key = new StoreKey("deployments.apps", ns, "nope");

    assertThatThrownBy(() -> Await.result(store.get(key)))
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.status().details.group).isEqualTo("apps");
              assertThat(e.status().details.kind).isEqualTo("deployments");
            });
  }

  @Test
  void updateStoresTheFunctionsResultWithANewerVersion() {
    ObjectNode created = create("a");

    ObjectNode updated = Await.result(store.update(key("a"), cur -> increment(cur)));

    assertThat(rv(updated)).isGreaterThan(rv(created));
    assertThat(updated.path("spec").path("counter").asInt()).isEqualTo(1);
    assertThat(Await.result(store.get(key("a")))).isEqualTo(updated);
  }

  @Test
  void updateThatChangesNothingKeepsTheVersionAndEmitsNoEvent() {
    ObjectNode created = create("a");
    StoreEventRecorder recorder = watchFrom(rv(created));

    ObjectNode same = Await.result(store.update(key("a"), cur -> cur));
    Await.result(store.update(key("a"), cur -> increment(cur)));

    assertThat(rv(same)).isEqualTo(rv(created));
    await().until(() -> recorder.size() == 1);
    assertThat(recorder.events().get(0).type()).isEqualTo("MODIFIED");
  }

  @Test
  void updateFailsWithTheConflictItsFunctionThrowsOnAStaleVersion() {
    ObjectNode created = create("a");
    Await.result(store.update(key("a"), cur -> increment(cur)));

    Future<ObjectNode> stale =
        store.update(
            key("a"),
            cur -> {
              if (rv(cur) != rv(created)) {
                throw StatusException.conflict("", "pods", "a");
              }
              return increment(cur);
            });

    assertThatThrownBy(() -> Await.result(stale))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
    assertThat(Await.result(store.get(key("a"))).path("spec").path("counter").asInt()).isEqualTo(1);
  }

  @Test
  void updateOfAMissingObjectFailsNotFound() {
    assertThatThrownBy(() -> Await.result(store.update(key("nope"), cur -> cur)))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void deleteReturnsTheLastStateAtTheDeletionVersion() {
    ObjectNode created = create("a");

    ObjectNode deleted = Await.result(store.delete(key("a"), null));

    assertThat(rv(deleted)).isGreaterThan(rv(created));
    assertThat(deleted.path("spec")).isEqualTo(created.path("spec"));
    assertThatThrownBy(() -> Await.result(store.get(key("a"))))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void deleteVetoedByItsPreconditionKeepsTheObject() {
    ObjectNode created = create("a");

    assertThatThrownBy(
            () ->
                Await.result(
                    store.delete(
                        key("a"),
                        cur -> {
                          throw StatusException.conflict("", "pods", "a");
                        })))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT));
    assertThat(Await.result(store.get(key("a")))).isEqualTo(created);
  }

  @Test
  void deleteOfAMissingObjectFailsNotFound() {
    assertThatThrownBy(() -> Await.result(store.delete(key("nope"), null)))
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void versionsStrictlyIncreaseAcrossKeysAndWrites() {
    List<Long> versions = new ArrayList<>();
    versions.add(rv(create("a")));
    versions.add(rv(create("b")));
    versions.add(rv(Await.result(store.update(key("a"), cur -> increment(cur)))));
    versions.add(rv(Await.result(store.delete(key("b"), null))));
    versions.add(rv(create("b")));

    assertThat(versions).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void listReturnsTheNamespacesObjectsSortedAtTheCurrentVersion() {
    create("b");
    ObjectNode last = create("a");
    Await.result(store.create(new StoreKey("pods", ns + "-other", "c"), pod(ns + "-other", "c")));

    ListResult list = Await.result(store.list("pods", ns));

    assertThat(list.items())
        .extracting(o -> o.path("metadata").path("name").asText())
        .containsExactly("a", "b");
    assertThat(list.resourceVersion()).isGreaterThanOrEqualTo(rv(last));
    assertThat(Await.result(store.list("pods", null)).items()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void watchFromAListVersionDeliversExactlyTheLaterChangesInOrder() throws Exception {
    create("before");
    ListResult list = Await.result(store.list("pods", ns));
    StoreEventRecorder recorder = watchFrom(list.resourceVersion());

    List<Long> written = writeConcurrently(8, 250);

    await().atMost(Duration.ofSeconds(30)).until(() -> recorder.size() >= written.size());
    assertThat(recorder.versions())
        .isSorted()
        .containsExactlyElementsOf(written.stream().sorted().toList());
  }

  @Test
  void watchFromZeroSendsTheCurrentObjectsAsAddedThenLiveChanges() {
    create("a");
    create("b");
    StoreEventRecorder recorder = new StoreEventRecorder();
    Await.result(store.watch(new WatchRequest("pods", ns, 0, null), recorder, recorder.onEnd()));

    ObjectNode c = create("c");

    await().until(() -> recorder.size() == 3);
    assertThat(recorder.events())
        .extracting(StoreEvent::type, e -> e.key().name())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ADDED", "a"),
            org.assertj.core.groups.Tuple.tuple("ADDED", "b"),
            org.assertj.core.groups.Tuple.tuple("ADDED", "c"));
    assertThat(recorder.events().get(2).resourceVersion()).isEqualTo(rv(c));
  }

  @Test
  void watchFromAVersionOlderThanTheHistoryFailsExpired() {
    HzStore small =
        new HzStore(
            cluster.get(0).vertx(),
            cluster.get(0).hazelcast(),
            HzStoreOptions.defaults().withHistoryPerResource(5));
    try {
      long start = rv(create("a"));
      for (int i = 0; i < 10; i++) {
        Await.result(store.update(key("a"), cur -> increment(cur)));
      }
      Await.result(small.list("pods", ns));

      assertThatThrownBy(
              () ->
                  Await.result(
                      small.watch(new WatchRequest("pods", ns, start, null), e -> {}, v -> {})))
          .isInstanceOfSatisfying(
              StatusException.class,
              e -> {
                assertThat(e.code()).isEqualTo(410);
                assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
              });
    } finally {
      small.close();
    }
  }

  @Test
  void filteredWatchSeesObjectsEnterAndLeaveTheFilterAsAddedAndDeleted() {
    long from = rv(create("a"));
    StoreEventRecorder recorder = new StoreEventRecorder();
    Await.result(
        store.watch(
            new WatchRequest("pods", ns, from, o -> o.path("spec").path("counter").asInt() == 1),
            recorder,
            recorder.onEnd()));

    Await.result(store.update(key("a"), cur -> increment(cur)));
    Await.result(store.update(key("a"), cur -> increment(cur)));
    create("b");

    await().until(() -> recorder.size() == 2);
    assertThat(recorder.events()).extracting(StoreEvent::type).containsExactly("ADDED", "DELETED");
  }

  @Test
  void watchOfAnotherNamespaceSeesNothingOfThisOne() {
    long from = rv(create("a"));
    StoreEventRecorder other = new StoreEventRecorder();
    StoreEventRecorder mine = watchFrom(from);
    Await.result(
        store.watch(new WatchRequest("pods", ns + "-x", from, null), other, other.onEnd()));

    create("b");

    await().until(() -> mine.size() == 1);
    assertThat(other.size()).isZero();
  }

  @Test
  void aWatcherThatFallsTooFarBehindIsEnded() throws Exception {
    Vertx slowVertx = Vertx.vertx();
    HzStore tight =
        new HzStore(
            slowVertx,
            cluster.get(0).hazelcast(),
            HzStoreOptions.defaults().withWatcherQueueLimit(5));
    CountDownLatch release = new CountDownLatch(1);
    StoreEventRecorder ends = new StoreEventRecorder();
    try {
      long from = rv(create("a"));
      Await.result(tight.list("pods", ns));
      Await.result(
          tight.watch(
              new WatchRequest("pods", ns, from, null),
              e -> {
                try {
                  release.await();
                } catch (InterruptedException ex) {
                  Thread.currentThread().interrupt();
                }
              },
              ends.onEnd()));

      for (int i = 0; i < 20; i++) {
        Await.result(store.update(key("a"), cur -> increment(cur)));
      }
      release.countDown();

      await().until(ends::ended);
    } finally {
      release.countDown();
      tight.close();
      slowVertx.close();
    }
  }

  @Test
  void closingAWatchStopsDelivery() {
    long from = rv(create("a"));
    StoreEventRecorder recorder = new StoreEventRecorder();
    StoreWatch watch =
        Await.result(store.watch(new WatchRequest("pods", ns, from, null), recorder, null));
    create("b");
    await().until(() -> recorder.size() == 1);

    watch.close();
    ObjectNode c = create("c");
    StoreEventRecorder later = watchFrom(rv(c) - 1);

    await().until(() -> later.size() == 1);
    assertThat(recorder.size()).isEqualTo(1);
  }

  @Test
  void concurrentUpdatesOfOneObjectAreLinearizable() throws Exception {
    create("counter");
    int threads = 8;
    int each = 40;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                for (int i = 0; i < each; i++) {
                  Await.result(store.update(key("counter"), cur -> increment(cur)));
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(Await.result(store.get(key("counter"))).path("spec").path("counter").asInt())
        .isEqualTo(threads * each);
  }

  private StoreEventRecorder watchFrom(long rv) {
    StoreEventRecorder recorder = new StoreEventRecorder();
    Await.result(store.watch(new WatchRequest("pods", ns, rv, null), recorder, recorder.onEnd()));
    return recorder;
  }

  /** Creates, updates and deletes from several threads; returns every committed version. */
  private List<Long> writeConcurrently(int threads, int each) throws InterruptedException {
    List<Long> versions = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String prefix = "w" + t + "-";
      Thread worker =
          new Thread(
              () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                  StoreKey key = key(prefix + (i % 10));
                  if (i % 10 == i) {
                    mine.add(rv(Await.result(store.create(key, pod(ns, key.name())))));
                  } else if (i % 7 == 0) {
                    mine.add(rv(Await.result(store.delete(key, null))));
                    mine.add(rv(Await.result(store.create(key, pod(ns, key.name())))));
                  } else {
                    mine.add(rv(Await.result(store.update(key, cur -> increment(cur)))));
                  }
                }
                synchronized (versions) {
                  versions.addAll(mine);
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return versions;
  }

  static ObjectNode increment(ObjectNode object) {
    ObjectNode spec = (ObjectNode) object.get("spec");
    spec.put("counter", spec.path("counter").asInt() + 1);
    return object;
  }
}

package dev.skiff.server.store;

import static dev.skiff.server.store.TestReplicas.pod;
import static dev.skiff.server.store.TestReplicas.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Member;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Losing a replica abruptly loses no acknowledged write, and the survivor keeps serving. */
class HzStoreFailoverIT {
  private TestReplicas cluster;

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void theSurvivorKeepsEveryAcknowledgedWriteAndItsWatchWhenTheChangeLogOwnerDies() {
    cluster = TestReplicas.start(2, HzStoreOptions.defaults(), 50_000);
    int doomed = indexOfChangeLogOwner();
    int survivor = 1 - doomed;
    HzStore store = cluster.store(survivor);
    StoreEventRecorder watcher = new StoreEventRecorder();
    long from = Await.result(store.list("pods", "ns")).resourceVersion();
    Await.result(store.watch(new WatchRequest("pods", "ns", from, null), watcher, watcher.onEnd()));

    Map<String, Long> acknowledged = new HashMap<>();
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      HzStore writer = cluster.store(i % 2);
      long rv =
          rv(Await.result(writer.create(new StoreKey("pods", "ns", "p" + i), pod("ns", "p" + i))));
      acknowledged.put("p" + i, rv);
      versions.add(rv);
    }
    cluster.kill(doomed);

    for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
      assertThat(rv(Await.result(store.get(new StoreKey("pods", "ns", write.getKey())))))
          .isEqualTo(write.getValue());
    }
    assertThat(Await.result(store.list("pods", "ns")).items()).hasSize(200);
    long after =
        rv(Await.result(store.create(new StoreKey("pods", "ns", "after"), pod("ns", "after"))));
    versions.add(after);
    assertThat(after).isGreaterThan(versions.get(199));
    await().atMost(Duration.ofSeconds(20)).until(() -> watcher.size() >= versions.size());
    assertThat(watcher.versions()).containsExactlyElementsOf(versions);
    assertThat(watcher.ended()).isFalse();
  }

  private int indexOfChangeLogOwner() {
    var hazelcast = cluster.get(0).hazelcast();
    Member owner =
        hazelcast
            .getPartitionService()
            .getPartition(hazelcast.getRingbuffer(HzStore.CHANGE_LOG).getPartitionKey())
            .getOwner();
    return owner.localMember() ? 0 : 1;
  }
}

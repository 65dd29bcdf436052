package dev.skiff.server.store;

import static dev.skiff.server.store.TestReplicas.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Losing more replicas at once than there are backups loses objects; whatever is lost, list, get
 * and delete still agree, on the survivor and on a replica that joins afterwards.
 */
class HzStorePartitionLossIT {
  private static final int OBJECTS = 300;
  private TestReplicas cluster;

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void listGetAndDeleteAgreeAfterTwoOfThreeReplicasDieAtOnce() {
    cluster = TestReplicas.start(3, HzStoreOptions.defaults(), 50_000);
    for (int i = 0; i < OBJECTS; i++) {
      Await.result(cluster.store(i % 3).create(key(i), pod("ns", "p" + i)));
    }

    cluster.kill(1, 2);
    HzStore survivor = cluster.store(0);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(listed(survivor)).isEqualTo(gettable(survivor)));
    assertThat(listed(survivor)).as("objects were lost").hasSizeLessThan(OBJECTS);
    HzStore joined = cluster.join(HzStoreOptions.defaults()).store();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(listed(joined)).isEqualTo(gettable(joined)));
    for (String name : listed(joined)) {
      Await.result(joined.delete(new StoreKey("pods", "ns", name), object -> {}));
    }
    assertThat(listed(survivor)).isEmpty();
  }

  private static StoreKey key(int i) {
    return new StoreKey("pods", "ns", "p" + i);
  }

  private static Set<String> listed(HzStore store) {
    return Await.result(store.list("pods", "ns")).items().stream()
        .map(item -> item.path("metadata").path("name").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> gettable(HzStore store) {
    Set<String> found = new TreeSet<>();
    for (int i = 0; i < OBJECTS; i++) {
      try {
        ObjectNode object = Await.result(store.get(key(i)));
        found.add(object.path("metadata").path("name").asText());
      } catch (StatusException e) {
        // not found: lost
      }
    }
    return found;
  }
}

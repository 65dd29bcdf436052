package dev.skiff.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.api.status.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The watch cache's recorded changes are bounded in bytes across all resources, not only in count:
 * large objects push the oldest changes out (watches and lists before them answer 410), while the
 * objects themselves stay.
 */
class WatchCacheBytesTest {
  private static final int OBJECT_BYTES = 100_000;
  private static final long BUDGET = 1_000_000;

  private final WatchCache cache =
      new WatchCache(
          HzStoreOptions.defaults().withHistoryPerResource(4096).withHistoryBytes(BUDGET));
  private long sequence = 0;

  @Test
  void largeChangesEvictTheOldestBeyondTheByteBudget() {
    cache.reset(Map.of(), 1);
    long firstRv = ObjectCodec.rv(1);
    for (int i = 0; i < 50; i++) {
      apply(i % 2 == 0 ? "configmaps" : "services", "big-" + (i % 5), OBJECT_BYTES);
    }
    assertThat(cache.historyBytes()).isLessThanOrEqualTo(BUDGET).isGreaterThan(BUDGET / 2);
    // far fewer than the 4096 changes the count limit keeps per resource
    assertThatThrownBy(() -> cache.snapshotAt("configmaps", null, firstRv))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(410));
    assertThatThrownBy(() -> cache.snapshotAt("services", null, firstRv + 1))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(410));
    // the current objects are all there, and recent history still answers
    assertThat(cache.snapshot("configmaps", null).objects()).hasSize(5);
    assertThat(cache.snapshot("services", null).objects()).hasSize(5);
    long recent = cache.currentResourceVersion() - 2;
    assertThat(cache.snapshotAt("configmaps", null, recent).objects()).hasSize(5);
  }

  @Test
  void smallChangesStayBoundByCountOnly() {
    cache.reset(Map.of(), 1);
    long firstRv = ObjectCodec.rv(1);
    for (int i = 0; i < 100; i++) {
      apply("configmaps", "small-" + (i % 10), 100);
    }
    assertThat(cache.historyBytes()).isLessThan(BUDGET);
    assertThat(cache.snapshotAt("configmaps", null, firstRv).objects()).hasSize(1);
  }

  private void apply(String resource, String name, int size) {
    long seq = sequence + 1;
    sequence = seq;
    long rv = ObjectCodec.rv(seq);
    String padding = "x".repeat(size);
    byte[] json =
        ("{\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"v\":\"" + padding + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    StoredObject stored = StoredObject.of(rv, json, 0);
    StoreKey key = new StoreKey(resource, "default", name);
    String type = cache.peek(key) == null ? "ADDED" : "MODIFIED";
    cache.apply(List.of(new StoreEvent(type, rv, key, stored)), seq);
  }
}

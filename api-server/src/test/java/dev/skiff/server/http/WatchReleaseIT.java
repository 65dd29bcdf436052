package dev.skiff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.testing.TestApiServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A watch's store subscription is released when its client goes away or it times out. */
class WatchReleaseIT {
  private static final AtomicReference<InstrumentedStore> store = new AtomicReference<>();
  private static TestApiServers servers;
  private static Http http;

  @BeforeAll
  static void start() {
    servers =
        TestApiServers.start(
            1,
            HzStoreOptions.defaults(),
            o -> o,
            hz -> {
              store.set(new InstrumentedStore(hz));
              return store.get();
            });
    http = Http.of(servers, 0);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void closingTheConnectionReleasesTheStoreWatch() {
    int before = store.get().openWatches();
    List<WatchLines> watches = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      watches.add(
          WatchLines.open(
              http, "/api/v1/namespaces/default/pods?watch=true&resourceVersion=" + rv()));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> store.get().openWatches() == before + 5);
    watches.forEach(WatchLines::close);
    await().atMost(Duration.ofSeconds(10)).until(() -> store.get().openWatches() == before);
  }

  @Test
  void aTimedOutWatchReleasesTheStoreWatch() {
    int before = store.get().openWatches();
    try (WatchLines watch = WatchLines.open(http, "/api/v1/pods?watch=true&timeoutSeconds=1")) {
      assertThat(WatchLines.isEnd(watch.next(Duration.ofSeconds(10)))).isTrue();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> store.get().openWatches() == before);
  }

  private static String rv() {
    return http.get("/api/v1/namespaces/default/pods")
        .json()
        .path("metadata")
        .path("resourceVersion")
        .asText();
  }
}

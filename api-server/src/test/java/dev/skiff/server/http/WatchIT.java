package dev.skiff.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.testing.TestApiServers;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Watch semantics over HTTP: resourceVersion rules, selectors, bookmarks, timeouts, 410. */
class WatchIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String MERGE = "application/merge-patch+json";
  private static final int HISTORY = 40;
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static TestApiServers servers;
  private static Http http;

  @BeforeAll
  static void start() {
    servers =
        TestApiServers.start(
            1,
            HzStoreOptions.defaults().withHistoryPerResource(HISTORY),
            o -> o.withBookmarkIntervalMillis(300));
    http = Http.of(servers, 0);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void watchWithoutResourceVersionStartsWithSyntheticAdded() {
    String name = create("sync");
    try (WatchLines watch =
        WatchLines.open(http, PODS + "?watch=true&fieldSelector=metadata.name%3D" + name)) {
      assertThat(watch.code()).isEqualTo(200);
      assertEvent(watch.next(), "ADDED", name);
      label(name, "a", "1");
      assertEvent(watch.next(), "MODIFIED", name);
      http.send("DELETE", PODS + "/" + name, null, null);
      JsonNode deleted = watch.next();
      assertEvent(deleted, "DELETED", name);
      assertThat(
              Long.parseLong(
                  deleted.path("object").path("metadata").path("resourceVersion").asText()))
          .isPositive();
    }
  }

  @Test
  void watchFromAResourceVersionSendsOnlyLaterChanges() {
    String name = create("later");
    String rv =
        http.get(PODS + "/" + name).json().path("metadata").path("resourceVersion").asText();
    label(name, "b", "2");
    try (WatchLines watch =
        WatchLines.open(
            http,
            PODS + "?watch=1&resourceVersion=" + rv + "&fieldSelector=metadata.name%3D" + name)) {
      JsonNode first = watch.next();
      assertEvent(first, "MODIFIED", name);
      assertThat(first.path("object").path("metadata").path("labels").path("b").asText())
          .isEqualTo("2");
    }
  }

  @Test
  void timeoutSecondsEndsTheStream() {
    try (WatchLines watch =
        WatchLines.open(
            http, PODS + "?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dnone")) {
      assertThat(WatchLines.isEnd(watch.next(Duration.ofSeconds(10)))).isTrue();
    }
  }

  @Test
  void bookmarksAreSentOnlyWhenAllowed() {
    String quiet = PODS + "?watch=true&timeoutSeconds=2&fieldSelector=metadata.name%3Dnone";
    try (WatchLines watch = WatchLines.open(http, quiet)) {
      assertThat(WatchLines.isEnd(watch.next(Duration.ofSeconds(10)))).isTrue();
    }
    try (WatchLines watch = WatchLines.open(http, quiet + "&allowWatchBookmarks=true")) {
      JsonNode bookmark = watch.next();
      assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
      assertThat(bookmark.path("object").path("kind").asText()).isEqualTo("Pod");
      assertThat(bookmark.path("object").path("metadata").path("resourceVersion").asText())
          .matches("\\d+");
    }
  }

  @Test
  void sendInitialEventsEndsTheInitialStateWithAnAnnotatedBookmark() {
    String name = create("initial");
    String path =
        PODS
            + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
            + "&resourceVersionMatch=NotOlderThan&fieldSelector=metadata.name%3D"
            + name;
    try (WatchLines watch = WatchLines.open(http, path)) {
      assertEvent(watch.next(), "ADDED", name);
      JsonNode bookmark = watch.next();
      assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
      assertThat(
              bookmark
                  .path("object")
                  .path("metadata")
                  .path("annotations")
                  .path("k8s.io/initial-events-end")
                  .asText())
          .isEqualTo("true");
    }
  }

  @Test
  void objectsLeavingTheSelectorAreDeletedAndReturningOnesAdded() {
    String color = "c" + NAMES.incrementAndGet();
    String name = create("sel");
    try (WatchLines watch =
        WatchLines.open(http, PODS + "?watch=true&labelSelector=color%3D" + color)) {
      label(name, "color", color);
      assertEvent(watch.next(), "ADDED", name);
      label(name, "color", "other");
      assertEvent(watch.next(), "DELETED", name);
      label(name, "color", color);
      assertEvent(watch.next(), "ADDED", name);
    }
  }

  @Test
  void aResourceVersionOlderThanTheHistoryIsExpired() {
    String first = create("old");
    String rv =
        http.get(PODS + "/" + first).json().path("metadata").path("resourceVersion").asText();
    for (int i = 0; i < HISTORY + 10; i++) {
      label(first, "n", Integer.toString(i));
    }
    Http.Reply r = http.get(PODS + "?watch=true&resourceVersion=" + rv);
    ApiErrorsIT.assertStatus(r, 410, "Expired");
  }

  @Test
  void aWebSocketWatchSendsOneEventPerTextMessage() throws Exception {
    String name = create("ws");
    WebSocketEvents watch =
        WebSocketEvents.open(PODS + "?watch=true&fieldSelector=metadata.name%3D" + name);
    assertEvent(watch.next(), "ADDED", name);
    label(name, "a", "1");
    assertEvent(watch.next(), "MODIFIED", name);
    http.send("DELETE", PODS + "/" + name, null, null);
    assertEvent(watch.next(), "DELETED", name);
    watch.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(20, TimeUnit.SECONDS);
  }

  @Test
  void aWebSocketWatchOfAnExpiredVersionIsRefusedBeforeTheUpgrade() {
    String first = create("wsold");
    String rv =
        http.get(PODS + "/" + first).json().path("metadata").path("resourceVersion").asText();
    for (int i = 0; i < HISTORY + 10; i++) {
      label(first, "n", Integer.toString(i));
    }
    assertThatThrownBy(() -> WebSocketEvents.open(PODS + "?watch=true&resourceVersion=" + rv))
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> {
              assertThat(e.getResponse().statusCode()).isEqualTo(410);
              assertThat(e.getResponse().body().toString()).contains("\"reason\":\"Expired\"");
            });
  }

  /** A watch over a WebSocket (as fabric8 opens them): each text message is one event. */
  private record WebSocketEvents(WebSocket socket, BlockingQueue<String> messages) {
    static WebSocketEvents open(String path) throws Exception {
      BlockingQueue<String> messages = new LinkedBlockingQueue<>();
      URI uri = URI.create(servers.url(0).replaceFirst("^http", "ws") + path);
      WebSocket socket =
          http.client()
              .newWebSocketBuilder()
              .header("Authorization", "Bearer " + TestApiServers.TOKEN)
              .buildAsync(
                  uri,
                  new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket ws, CharSequence data, boolean last) {
                      text.append(data);
                      if (last) {
                        messages.add(text.toString());
                        text.setLength(0);
                      }
                      ws.request(1);
                      return null;
                    }
                  })
              .get(20, TimeUnit.SECONDS);
      return new WebSocketEvents(socket, messages);
    }

    JsonNode next() throws Exception {
      String message = messages.poll(20, TimeUnit.SECONDS);
      assertThat(message).as("a watch event within 20 s").isNotNull();
      return Json.mapper().readTree(message);
    }
  }

  @Test
  void tableWatchEventsCarryOneRowTables() {
    String name = create("tbl");
    String accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    try (WatchLines watch =
        WatchLines.open(http, PODS + "?watch=true&fieldSelector=metadata.name%3D" + name, accept)) {
      JsonNode event = watch.next();
      assertThat(event.path("type").asText()).isEqualTo("ADDED");
      assertThat(event.path("object").path("kind").asText()).isEqualTo("Table");
      assertThat(event.path("object").path("rows").size()).isEqualTo(1);
      assertThat(event.path("object").path("rows").get(0).path("cells").get(0).asText())
          .isEqualTo(name);
    }
  }

  @Test
  void manyAbandonedWatchesLeaveTheServerResponsive() {
    for (int i = 0; i < 50; i++) {
      WatchLines.open(http, PODS + "?watch=true").close();
    }
    String name = create("after");
    try (WatchLines watch =
        WatchLines.open(http, PODS + "?watch=true&fieldSelector=metadata.name%3D" + name)) {
      assertEvent(watch.next(), "ADDED", name);
    }
  }

  private static String create(String prefix) {
    String name = prefix + "-" + NAMES.incrementAndGet();
    Http.Reply r = http.send("POST", PODS, "application/json", JsonBodies.pod(name));
    assertThat(r.code()).as(r.body()).isEqualTo(201);
    return name;
  }

  private static void label(String name, String key, String value) {
    Http.Reply r =
        http.send(
            "PATCH",
            PODS + "/" + name,
            MERGE,
            "{\"metadata\":{\"labels\":{\"" + key + "\":\"" + value + "\"}}}");
    assertThat(r.code()).as(r.body()).isEqualTo(200);
  }

  private static void assertEvent(JsonNode event, String type, String name) {
    assertThat(event.path("type").asText()).as(event.toString()).isEqualTo(type);
    assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo(name);
    assertThat(event.path("object").path("kind").asText()).isEqualTo("Pod");
  }
}

package dev.skiff.api.client;

import static dev.skiff.api.client.Fixtures.bookmark;
import static dev.skiff.api.client.Fixtures.pod;
import static dev.skiff.api.client.ScriptedApiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.WatchEvent;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.testing.Await;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchTest {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  @RegisterExtension static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension();

  private ScriptedApiServer server;
  private KubeClient client;
  private final List<TypedWatchEvent<Pod>> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = SCRIPTED.server();
    server.always(HttpMethod.GET, PODS, ScriptedApiServer.Recorded::isWatch, server.stream());
    client = SCRIPTED.client();
  }

  private Watch watchPods(WatchOptions options) {
    return client.watch(Pod.class, "default", options, events::add);
  }

  private List<String> seen() {
    return events.stream()
        .map(e -> e.type() + " " + e.object().meta().name + "@" + e.resourceVersion())
        .toList();
  }

  @Test
  void sendsWatchParametersAndDecodesTypedEvents() {
    Watch watch =
        watchPods(
            WatchOptions.from("10")
                .withLabelSelector("app=web")
                .withFieldSelector("metadata.name=a")
                .withTimeoutSeconds(300)
                .withBookmarks(true));
    ScriptedApiServer.Stream stream = server.nextStream();
    Await.result(watch.ready());

    stream
        .event("ADDED", pod("a", "11"))
        .event("MODIFIED", pod("a", "12"))
        .event("DELETED", pod("a", "13"));

    await().until(() -> events.size() == 3);
    assertThat(seen()).containsExactly("ADDED a@11", "MODIFIED a@12", "DELETED a@13");
    assertThat(events.get(0).object()).isInstanceOf(Pod.class);
    ScriptedApiServer.Recorded request = stream.recorded();
    assertThat(request.param("resourceVersion")).isEqualTo("10");
    assertThat(request.param("labelSelector")).isEqualTo("app=web");
    assertThat(request.param("fieldSelector")).isEqualTo("metadata.name=a");
    assertThat(request.param("timeoutSeconds")).isEqualTo("300");
    assertThat(request.param("allowWatchBookmarks")).isEqualTo("true");
  }

  @Test
  void eventsSplitAcrossChunksAndSeveralInOneChunkAreDecodedInOrder() {
    watchPods(WatchOptions.from("1"));
    ScriptedApiServer.Stream stream = server.nextStream();
    String a = "{\"type\":\"ADDED\",\"object\":" + pod("a", "2") + "}\n";
    String b = "{\"type\":\"ADDED\",\"object\":" + pod("b", "3") + "}\n";
    String c = "{\"type\":\"MODIFIED\",\"object\":" + pod("a", "4") + "}\r\n";

    stream
        .chunk(a.substring(0, 10))
        .chunk(a.substring(10, 40))
        .chunk(a.substring(40) + b + c.substring(0, 5));
    stream.chunk(c.substring(5) + "\n");

    await().until(() -> events.size() == 3);
    assertThat(seen()).containsExactly("ADDED a@2", "ADDED b@3", "MODIFIED a@4");
  }

  @Test
  void aLastEventWithoutTrailingNewlineIsDeliveredWhenTheStreamEnds() {
    Watch watch = watchPods(WatchOptions.from("1"));
    ServerEnd.endWith(server.nextStream(), "{\"type\":\"ADDED\",\"object\":" + pod("a", "2") + "}");

    Await.result(watch.done());
    assertThat(seen()).containsExactly("ADDED a@2");
  }

  @Test
  void theServerEndingTheStreamCompletesDone() {
    Watch watch = watchPods(WatchOptions.from("1"));
    ScriptedApiServer.Stream stream = server.nextStream();
    stream.event("ADDED", pod("a", "2"));
    stream.end();

    Await.result(watch.done());
    assertThat(seen()).containsExactly("ADDED a@2");
  }

  @Test
  void bookmarksReachTheTypedHandlerWithTheirResourceVersion() {
    watchPods(WatchOptions.from("1").withBookmarks(true));
    server.nextStream().event("BOOKMARK", bookmark("77"));

    await().until(() -> events.size() == 1);
    assertThat(events.get(0).type()).isEqualTo(TypedWatchEvent.Type.BOOKMARK);
    assertThat(events.get(0).resourceVersion()).isEqualTo("77");
  }

  @Test
  void anErrorEventWith410EndsTheWatchAsExpiredAfterEarlierEvents() {
    Watch watch = watchPods(WatchOptions.from("1"));
    server
        .nextStream()
        .event("ADDED", pod("a", "2"))
        .event("ERROR", Fixtures.status(410, "Expired", "too old resource version: 1 (20)"))
        .chunkIfOpen("{\"type\":\"ADDED\",\"object\":" + pod("b", "21") + "}\n");

    Throwable error = Await.failure(watch.done());

    assertThat(Errors.isExpired(error)).isTrue();
    assertThat(((StatusException) error).reason()).isEqualTo("Expired");
    assertThat(seen()).containsExactly("ADDED a@2");
  }

  @Test
  void anHttp410AnswerFailsReadyAndDoneAsExpired() {
    server.once(
        HttpMethod.GET,
        PODS,
        ScriptedApiServer.Recorded::isWatch,
        status(410, "Expired", "too old resource version: 1 (20)"));

    Watch watch = watchPods(WatchOptions.from("1"));

    assertThat(Errors.isExpired(Await.failure(watch.ready()))).isTrue();
    assertThat(Errors.isExpired(Await.failure(watch.done()))).isTrue();
  }

  @Test
  void aMalformedLineEndsTheWatchWithInternalError() {
    Watch watch = watchPods(WatchOptions.from("1"));
    server
        .nextStream()
        .event("ADDED", pod("a", "2"))
        .chunk("{\"type\":\"ADDED\",\"object\":{broken\n")
        .chunkIfOpen("{\"type\":\"ADDED\",\"object\":" + pod("b", "3") + "}\n");

    Throwable error = Await.failure(watch.done());

    assertThat(error)
        .isInstanceOfSatisfying(
            StatusException.class, e -> assertThat(e.reason()).isEqualTo("InternalError"));
    assertThat(seen()).containsExactly("ADDED a@2");
  }

  @Test
  void aDroppedConnectionFailsDoneWithATransportError() {
    Watch watch = watchPods(WatchOptions.from("1"));
    server.nextStream().event("ADDED", pod("a", "2")).drop();

    Throwable error = Await.failure(watch.done());

    assertThat(Errors.isStatus(error)).isFalse();
  }

  @Test
  void closeStopsDeliveryAndCompletesDone() {
    Watch watch = watchPods(WatchOptions.from("1"));
    ScriptedApiServer.Stream stream = server.nextStream();
    stream.event("ADDED", pod("a", "2"));
    await().until(() -> events.size() == 1);

    watch.close();
    Await.result(watch.done());
    stream.chunkIfOpen("{\"type\":\"ADDED\",\"object\":" + pod("b", "3") + "}\n");

    assertThat(seen()).containsExactly("ADDED a@2");
  }

  @Test
  void theRawWatchDeliversErrorEventsToo() {
    List<WatchEvent> raw = new CopyOnWriteArrayList<>();
    Watch watch = client.raw().watch(Resources.PODS, "default", WatchOptions.none(), raw::add);
    server
        .nextStream()
        .event("ADDED", pod("a", "2"))
        .event("ERROR", Fixtures.status(500, "InternalError", "boom"));

    Throwable error = Await.failure(watch.done());

    assertThat(raw).extracting(e -> e.type).containsExactly("ADDED", "ERROR");
    assertThat(((StatusException) error).code()).isEqualTo(500);
  }

  /** Ends a stream with a final chunk. */
  private static final class ServerEnd {
    static void endWith(ScriptedApiServer.Stream stream, String last) {
      Await.result(stream.response().end(last));
    }
  }
}

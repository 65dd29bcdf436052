package dev.skiff.api.client.informer;

import static dev.skiff.api.client.Fixtures.bookmark;
import static dev.skiff.api.client.Fixtures.pod;
import static dev.skiff.api.client.Fixtures.podList;
import static dev.skiff.api.client.ScriptedApiServer.json;
import static dev.skiff.api.client.ScriptedApiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.Fixtures;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ScriptedApiServer;
import dev.skiff.api.client.ScriptedApiServer.Recorded;
import dev.skiff.api.client.ScriptedServerExtension;
import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.Await;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InformerTest {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  @RegisterExtension static final ScriptedServerExtension SCRIPTED = new ScriptedServerExtension();

  private ScriptedApiServer server;
  private KubeClient client;
  private Informer<Pod> informer;
  private final AtomicReference<String> listBody = new AtomicReference<>();
  private final RecordingHandler<Pod> handler = new RecordingHandler<>();

  @BeforeEach
  void start() {
    server = SCRIPTED.server();
    server.always(HttpMethod.GET, PODS, r -> !r.isWatch(), json(200, listBody::get));
    server.always(HttpMethod.GET, PODS, Recorded::isWatch, server.stream());
    client = SCRIPTED.client();
    informer = informer(InformerOptions.inNamespace("default"));
  }

  private Informer<Pod> informer(InformerOptions options) {
    Informer<Pod> i =
        new Informer<>(
            SCRIPTED.vertx(),
            client,
            Pod.class,
            options.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    i.addEventHandler(handler);
    return i;
  }

  @AfterEach
  void stop() {
    Await.result(informer.stop());
  }

  @Test
  void startCompletesOnceTheFirstListIsInTheCacheThenWatchesFromItsVersion() {
    listBody.set(podList("10", pod("a", "3"), pod("b", "7")));

    Await.result(informer.start());

    assertThat(informer.hasSynced()).isTrue();
    assertThat(informer.get("default", "a").meta().resourceVersion).isEqualTo("3");
    assertThat(informer.get("default/b")).isNotNull();
    assertThat(informer.list()).hasSize(2);
    assertThat(informer.list("default")).hasSize(2);
    assertThat(informer.list("other")).isEmpty();
    assertThat(handler.calls()).containsExactlyInAnyOrder("add a@3", "add b@7");
    assertThat(server.listRequests().get(0).param("resourceVersion")).isEqualTo("0");
    Recorded watch = server.nextStream().recorded();
    assertThat(watch.param("resourceVersion")).isEqualTo("10");
    assertThat(watch.param("allowWatchBookmarks")).isEqualTo("true");
    assertThat(Integer.parseInt(watch.param("timeoutSeconds"))).isBetween(300, 599);
  }

  @Test
  void watchEventsUpdateTheCacheAndReachHandlersOnTheInformersContext() {
    listBody.set(podList("10", pod("a", "3")));
    Await.result(informer.start());
    ScriptedApiServer.Stream stream = server.nextStream();

    stream
        .event("ADDED", pod("b", "11"))
        .event("MODIFIED", pod("a", "12"))
        .event("DELETED", pod("b", "13"));

    await().until(() -> handler.calls().size() == 4);
    assertThat(handler.calls())
        .containsExactly("add a@3", "add b@11", "update a@3->a@12", "delete b@13");
    assertThat(informer.keys()).containsExactly("default/a");
    assertThat(informer.lastResourceVersion()).isEqualTo("13");
    assertThat(handler.threads).allMatch(t -> t == handler.threads.get(0));
  }

  @Test
  void reWatchesFromTheLastSeenVersionWhenTheServerEndsTheStream() {
    listBody.set(podList("10"));
    Await.result(informer.start());
    ScriptedApiServer.Stream first = server.nextStream();

    first.event("ADDED", pod("a", "11")).event("BOOKMARK", bookmark("15"));
    first.end();

    assertThat(server.nextStream().recorded().param("resourceVersion")).isEqualTo("15");
    assertThat(server.listRequests()).hasSize(1);
    assertThat(handler.calls()).containsExactly("add a@11");
  }

  @Test
  void aWatchTheServerNeverEndsIsClosedAfterItsTimeoutAndReopened() {
    listBody.set(podList("10"));
    Informer<Pod> impatient =
        informer(InformerOptions.inNamespace("default").withMinWatchTimeout(Duration.ofSeconds(1)));
    try {
      Await.result(impatient.start());
      ScriptedApiServer.Stream silent = server.nextStream();
      assertThat(silent.recorded().param("timeoutSeconds")).isEqualTo("1");

      ScriptedApiServer.Stream next = server.nextStream();

      assertThat(next.recorded().param("resourceVersion")).isEqualTo("10");
      await().until(() -> silent.response().closed());
      assertThat(server.listRequests()).hasSize(1);
    } finally {
      Await.result(impatient.stop());
    }
  }

  @Test
  void reWatchesFromTheLastSeenVersionAfterTheConnectionDrops() {
    listBody.set(podList("10"));
    Await.result(informer.start());

    server.nextStream().event("ADDED", pod("a", "11")).drop();

    assertThat(server.nextStream().recorded().param("resourceVersion")).isEqualTo("11");
    assertThat(server.listRequests()).hasSize(1);
  }

  @Test
  void relistsOnAnExpiredErrorEventAndDeliversOnlyTheDifference() {
    listBody.set(podList("5", pod("a", "1"), pod("b", "2")));
    Await.result(informer.start());
    ScriptedApiServer.Stream stream = server.nextStream();
    stream.event("MODIFIED", pod("a", "6"));
    await().until(() -> handler.calls().size() == 3);
    listBody.set(podList("9", pod("a", "6"), pod("c", "8")));

    stream.event("ERROR", Fixtures.status(410, "Expired", "too old resource version: 6 (9)"));

    assertThat(server.nextStream().recorded().param("resourceVersion")).isEqualTo("9");
    assertThat(server.listRequests())
        .extracting(r -> r.param("resourceVersion"))
        .containsExactly("0", "6");
    assertThat(handler.calls())
        .containsExactlyInAnyOrder(
            "add a@1", "add b@2", "update a@1->a@6", "add c@8", "delete b@2");
    assertThat(informer.keys()).containsExactlyInAnyOrder("default/a", "default/c");
  }

  @Test
  void relistsWhenTheWatchItselfIsAnswered410() {
    listBody.set(podList("5", pod("a", "1")));
    server.once(
        HttpMethod.GET,
        PODS,
        Recorded::isWatch,
        (req, r) -> {
          // the state the relist finds; set here, before the 410 goes out, not after start():
          // the informer may relist before start() returns to the test
          listBody.set(podList("30", pod("a", "29")));
          status(410, "Expired", "too old resource version: 5 (30)").respond(req, r);
        });
    Await.result(informer.start());

    assertThat(server.nextStream().recorded().param("resourceVersion")).isEqualTo("30");
    assertThat(handler.calls()).containsExactly("add a@1", "update a@1->a@29");
  }

  @Test
  void relistsFromTheLatestStateWhenTheLastVersionIsGoneToo() {
    listBody.set(podList("5"));
    Await.result(informer.start());
    server.once(
        HttpMethod.GET,
        PODS,
        r -> "5".equals(r.param("resourceVersion")) && !r.isWatch(),
        status(410, "Expired", "too old resource version: 5 (50)"));
    listBody.set(podList("50", pod("a", "44")));

    server.nextStream().event("ERROR", Fixtures.status(410, "Gone", "gone"));

    assertThat(server.nextStream().recorded().param("resourceVersion")).isEqualTo("50");
    assertThat(server.listRequests())
        .extracting(r -> r.param("resourceVersion"))
        .containsExactly("0", "5", null);
    assertThat(handler.calls()).containsExactly("add a@44");
  }

  @Test
  void aMalformedEventRelistsRatherThanLosingIt() {
    listBody.set(podList("5"));
    Await.result(informer.start());
    listBody.set(podList("7", pod("a", "6")));

    server.nextStream().chunk("{\"type\":\"ADDED\",\"object\":{oops\n");

    assertThat(server.nextStream().recorded().param("resourceVersion")).isEqualTo("7");
    assertThat(handler.calls()).containsExactly("add a@6");
  }

  @Test
  void retriesAFailingListWithBackoffUntilItSucceeds() {
    listBody.set(podList("5", pod("a", "1")));
    server.once(HttpMethod.GET, PODS, r -> !r.isWatch(), status(500, "InternalError", "boom"));
    server.once(HttpMethod.GET, PODS, r -> !r.isWatch(), json(503, "down"));

    Await.result(informer.start());

    assertThat(server.listRequests()).hasSize(3);
    assertThat(informer.keys()).containsExactly("default/a");
  }

  @Test
  void resyncRedeliversEveryCachedObjectAsAnUpdateOfItself() {
    listBody.set(podList("5", pod("a", "1"), pod("b", "2")));
    Informer<Pod> resyncing =
        informer(InformerOptions.inNamespace("default").withResyncPeriod(Duration.ofMillis(100)));
    try {
      Await.result(resyncing.start());

      await().until(() -> handler.calls().stream().filter(c -> c.endsWith("(same)")).count() >= 4);
      assertThat(handler.calls()).contains("update a@1->a@1 (same)", "update b@2->b@2 (same)");
    } finally {
      Await.result(resyncing.stop());
    }
  }

  @Test
  void userIndexesFindObjectsAndFollowChanges() {
    listBody.set(
        podList(
            "5",
            pod("default", "a", "1", "{\"app\":\"web\"}"),
            pod("default", "b", "2", "{\"app\":\"db\"}")));
    informer.addIndex(
        "app",
        p ->
            p.meta().labels == null || !p.meta().labels.containsKey("app")
                ? List.of()
                : List.of(p.meta().labels.get("app")));
    Await.result(informer.start());
    assertThat(informer.byIndex("app", "web")).extracting(p -> p.meta().name).containsExactly("a");

    server
        .nextStream()
        .event("MODIFIED", pod("default", "b", "3", "{\"app\":\"web\"}"))
        .event("DELETED", pod("default", "a", "4", "{\"app\":\"web\"}"));

    await().until(() -> informer.lastResourceVersion().equals("4"));
    assertThat(informer.byIndex("app", "web")).extracting(p -> p.meta().name).containsExactly("b");
    assertThat(informer.byIndex("app", "db")).isEmpty();
  }

  @Test
  void aHandlerAddedAfterSyncFirstReceivesAnAddPerCachedObject() {
    listBody.set(podList("5", pod("a", "1"), pod("b", "2")));
    Await.result(informer.start());
    RecordingHandler<Pod> late = new RecordingHandler<>();

    informer.addEventHandler(late);

    await().until(() -> late.calls().size() == 2);
    assertThat(late.calls()).containsExactlyInAnyOrder("add a@1", "add b@2");
  }

  @Test
  void aThrowingHandlerDoesNotStopOtherHandlersOrTheInformer() {
    listBody.set(podList("5"));
    informer.onAdd(
        p -> {
          throw new IllegalStateException("handler bug");
        });
    RecordingHandler<Pod> after = new RecordingHandler<>();
    informer.addEventHandler(after);
    Await.result(informer.start());

    server.nextStream().event("ADDED", pod("a", "6")).event("ADDED", pod("b", "7"));

    await().until(() -> after.calls().size() == 2);
    assertThat(informer.keys()).hasSize(2);
  }

  @Test
  void selectorsAndNamespaceGoToBothListAndWatch() {
    listBody.set(podList("5"));
    Informer<Pod> selective =
        informer(
            InformerOptions.inNamespace("default")
                .withLabelSelector("app=web")
                .withFieldSelector("spec.nodeName=n1"));
    try {
      Await.result(selective.start());
      Recorded watch = server.nextStream().recorded();
      Recorded list = server.listRequests().get(0);
      for (Recorded r : List.of(list, watch)) {
        assertThat(r.param("labelSelector")).isEqualTo("app=web");
        assertThat(r.param("fieldSelector")).isEqualTo("spec.nodeName=n1");
      }
    } finally {
      Await.result(selective.stop());
    }
  }

  @Test
  void stopClosesTheWatchAndNothingIsRetried() {
    listBody.set(podList("5"));
    Await.result(informer.start());
    ScriptedApiServer.Stream stream = server.nextStream();

    Await.result(informer.stop());

    await().until(() -> stream.response().closed());
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> server.watchRequests().size() == 1 && server.listRequests().size() == 1);
    assertThat(handler.calls()).isEmpty();
  }
}

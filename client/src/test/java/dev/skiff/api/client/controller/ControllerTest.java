package dev.skiff.api.client.controller;

import static dev.skiff.api.client.Fixtures.pod;
import static dev.skiff.api.client.Fixtures.podList;
import static dev.skiff.api.client.ScriptedApiServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ScriptedApiServer;
import dev.skiff.api.client.ScriptedApiServer.Recorded;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.core.Pod;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControllerTest {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private Vertx vertx;
  private ScriptedApiServer server;
  private KubeClient client;
  private Informer<Pod> pods;
  private final List<String> synced = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = ScriptedApiServer.start(vertx);
    server.always(
        HttpMethod.GET,
        PODS,
        r -> !r.isWatch(),
        json(200, podList("5", pod("default", "a", "1", "{\"app\":\"web\"}"))));
    server.always(HttpMethod.GET, PODS, Recorded::isWatch, server.stream());
    client = new KubeClient(vertx, server.url());
    pods = new Informer<>(vertx, client, Pod.class, InformerOptions.inNamespace("default"));
  }

  @AfterEach
  void stop() {
    Await.result(pods.stop());
    Await.result(client.close());
    server.close();
    Await.result(vertx.close());
  }

  @Test
  void syncsEveryObjectKeyAfterTheCachesSyncedAndAgainOnChanges() {
    Controller controller =
        new Controller(
                vertx,
                "pods",
                key -> {
                  assertThat(pods.hasSynced()).isTrue();
                  synced.add(
                      key
                          + (pods.get(key) == null
                              ? " gone"
                              : " " + pods.get(key).meta().resourceVersion));
                  return Future.succeededFuture();
                })
            .watch(pods);

    Await.result(controller.start(2));
    await().until(() -> synced.size() == 1);
    server
        .nextStream()
        .event("MODIFIED", pod("default", "a", "6", ""))
        .event("DELETED", pod("default", "a", "7", ""));

    await().until(() -> synced.contains("default/a gone"));
    assertThat(synced.get(0)).isEqualTo("default/a 1");
    Await.result(controller.stop());
  }

  @Test
  void mappedKeysIncludeTheOldAndTheNewStateOnUpdate() {
    Controller controller =
        new Controller(
                vertx,
                "by-app",
                key -> {
                  synced.add(key);
                  return Future.succeededFuture();
                })
            .watch(
                pods,
                p ->
                    p.meta().labels == null
                        ? List.of()
                        : List.of(Keys.of("default", "svc-" + p.meta().labels.get("app"))));

    Await.result(controller.start(1));
    await().until(() -> synced.contains("default/svc-web"));
    server.nextStream().event("MODIFIED", pod("default", "a", "6", "{\"app\":\"db\"}"));

    await().until(() -> synced.contains("default/svc-db"));
    assertThat(synced).containsOnly("default/svc-web", "default/svc-db");
    Await.result(controller.stop());
  }

  @Test
  void watchChangesIgnoresResyncsButNotChanges() {
    Await.result(pods.stop());
    pods =
        new Informer<>(
            vertx,
            client,
            Pod.class,
            InformerOptions.inNamespace("default").withResyncPeriod(Duration.ofMillis(50)));
    List<String> witnessed = new CopyOnWriteArrayList<>();
    Controller witness =
        new Controller(
                vertx,
                "witness",
                key -> {
                  witnessed.add(key);
                  return Future.succeededFuture();
                })
            .watch(pods, p -> List.of("svc"));
    Controller changes =
        new Controller(
                vertx,
                "changes",
                key -> {
                  synced.add(key);
                  return Future.succeededFuture();
                })
            .watchChanges(pods, p -> List.of("svc"));

    Await.result(witness.start(1));
    Await.result(changes.start(1));
    await().until(() -> witnessed.size() >= 4);
    assertThat(synced).hasSize(1);
    server.nextStream().event("MODIFIED", pod("default", "a", "6", ""));

    await().until(() -> synced.size() == 2);
    Await.result(witness.stop());
    Await.result(changes.stop());
  }

  @Test
  void aFailedSyncIsRetriedUntilItSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    Controller controller =
        new Controller(
                vertx,
                "flaky",
                key ->
                    attempts.incrementAndGet() < 3
                        ? Future.failedFuture(new IllegalStateException("try again"))
                        : Future.succeededFuture())
            .watch(pods);

    Await.result(controller.start(1));

    await().until(() -> attempts.get() == 3 && controller.queue().numRequeues("default/a") == 0);
    Await.result(controller.stop());
  }
}

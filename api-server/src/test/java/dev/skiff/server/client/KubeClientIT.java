package dev.skiff.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.client.PatchOptions;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.client.TypedWatchEvent;
import dev.skiff.api.client.Watch;
import dev.skiff.api.client.WatchOptions;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.client.informer.ResourceEventHandler;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.KubeList;
import dev.skiff.api.resource.Resources;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.store.HzStoreOptions;
import dev.skiff.server.testing.TestApiServers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skiff's own client against a real api-server replica over TLS, configured from the kubeconfig the
 * server writes: CRUD, errors, patches, subresources, watch, and informers (including the relist
 * after an expired resourceVersion).
 */
class KubeClientIT {
  private static final int HISTORY = 40;
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static TestApiServers servers;
  private static Vertx vertx;
  private static KubeClient client;

  @BeforeAll
  static void start(@TempDir Path dir) {
    servers =
        TestApiServers.start(
            1,
            HzStoreOptions.defaults().withHistoryPerResource(HISTORY),
            o -> o.withBookmarkIntervalMillis(0));
    vertx = Vertx.vertx();
    client = KubeClient.fromKubeconfig(vertx, servers.kubeconfig(dir.resolve("kubeconfig"), 0));
  }

  @AfterAll
  static void stop() {
    result(client.close());
    result(vertx.close());
    servers.close();
  }

  @Test
  void createGetUpdateAndDeleteAPod() {
    Pod created = result(client.create(pod(name("crud"), "app", "crud")));
    assertThat(created.meta().uid).isNotBlank();
    assertThat(created.meta().resourceVersion).isNotBlank();
    assertThat(created.meta().creationTimestamp).isNotBlank();

    Pod fetched = result(client.get(Pod.class, "default", created.meta().name));
    fetched.meta().labels.put("tier", "front");
    Pod updated = result(client.update(fetched));
    assertThat(updated.meta().labels).containsEntry("tier", "front");
    assertThat(updated.meta().resourceVersion).isNotEqualTo(created.meta().resourceVersion);

    result(
        client.delete(
            Pod.class,
            "default",
            created.meta().name,
            DeleteOptions.none().withGracePeriodSeconds(0)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Errors.isNotFound(failure(client.get(Pod.class, "default", created.meta().name))));
  }

  @Test
  void errorsArriveAsStatusExceptionsWithTheirReason() {
    String name = name("errors");
    Pod first = result(client.create(pod(name, "app", "errors")));

    assertThat(reason(client.create(pod(name, "app", "errors")))).isEqualTo("AlreadyExists");
    assertThat(reason(client.get(Pod.class, "default", "no-such-pod"))).isEqualTo("NotFound");
    Pod stale = Json.copy(first, Pod.class);
    result(
        client.patch(
            Pod.class,
            "default",
            name,
            PatchType.MERGE,
            "{\"metadata\":{\"labels\":{\"v\":\"2\"}}}"));
    assertThat(reason(client.update(stale))).isEqualTo("Conflict");
    Pod noContainers = pod(name("invalid"), "app", "x");
    noContainers.spec().containers = List.of();
    StatusException invalid = (StatusException) failure(client.create(noContainers));
    assertThat(invalid.reason()).isEqualTo("Invalid");
    assertThat(invalid.status().details.causes).isNotEmpty();
    assertThat(reason(client.list(Pod.class, "default", ListOptions.labelSelector("app in ("))))
        .isEqualTo("BadRequest");
  }

  @Test
  void listFiltersByLabelAndFieldSelectorsIntoTypedItems() {
    String group = "list-" + NAMES.incrementAndGet();
    result(client.create(pod(name("a"), "group", group)));
    Pod b = result(client.create(pod(name("b"), "group", group)));

    KubeList<Pod> byLabel =
        result(client.list(Pod.class, "default", ListOptions.labelSelector("group=" + group)));
    KubeList<Pod> byName =
        result(
            client.list(
                Pod.class,
                null,
                ListOptions.labelSelector("group=" + group)
                    .withFieldSelector("metadata.name=" + b.meta().name)));

    assertThat(byLabel.items).hasSize(2).allSatisfy(p -> assertThat(p).isInstanceOf(Pod.class));
    assertThat(byLabel.metadata.resourceVersion).isNotBlank();
    assertThat(byName.items).extracting(p -> p.meta().name).containsExactly(b.meta().name);
  }

  @Test
  void everyPatchTypeIsAccepted() {
    String name = name("patch");
    result(client.create(pod(name, "app", "patch")));

    Pod merged =
        result(
            client.patch(
                Pod.class,
                "default",
                name,
                PatchType.MERGE,
                "{\"metadata\":{\"labels\":{\"m\":\"1\"}}}"));
    Pod json =
        result(
            client.patch(
                Pod.class,
                "default",
                name,
                PatchType.JSON,
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/j\",\"value\":\"2\"}]"));
    Pod strategic =
        result(
            client.patch(
                Pod.class,
                "default",
                name,
                PatchType.STRATEGIC,
                "{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox:2\"}]}}"));
    Pod applied =
        result(
            client.patch(
                Pod.class,
                "default",
                name,
                PatchType.APPLY,
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
                    + name
                    + "\",\"labels\":{\"s\":\"3\"}}}",
                PatchOptions.apply("kube-client-it", true)));

    assertThat(merged.meta().labels).containsEntry("m", "1");
    assertThat(json.meta().labels).containsEntry("j", "2");
    assertThat(strategic.spec().containers)
        .singleElement()
        .satisfies(c -> assertThat(c.image).isEqualTo("busybox:2"));
    assertThat(applied.meta().labels).containsEntry("s", "3").containsEntry("m", "1");
    String stalePatch =
        "{\"metadata\":{\"resourceVersion\":\""
            + merged.meta().resourceVersion
            + "\",\"labels\":{\"x\":\"y\"}}}";
    assertThat(reason(client.patch(Pod.class, "default", name, PatchType.MERGE, stalePatch)))
        .isEqualTo("Conflict");
  }

  @Test
  void deploymentsScaleThroughTheScaleSubresource() {
    String name = name("scale");
    Deployment deployment =
        Json.parse(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\""
                + name
                + "\",\"namespace\":\"default\"},"
                + "\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\""
                + name
                + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\""
                + name
                + "\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}}}",
            Deployment.class);
    result(client.create(deployment));

    ObjectNode scale =
        result(client.raw().getSubresource(Resources.DEPLOYMENTS, "default", name, "scale"));
    ObjectNode scaled =
        result(
            client
                .raw()
                .patchSubresource(
                    Resources.DEPLOYMENTS,
                    "default",
                    name,
                    "scale",
                    PatchType.MERGE,
                    "{\"spec\":{\"replicas\":3}}"));

    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(scaled.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(result(client.get(Deployment.class, "default", name)).spec().replicas).isEqualTo(3);
  }

  @Test
  void aWatchFromAListVersionSeesLaterChangesInOrder() {
    String group = "watch-" + NAMES.incrementAndGet();
    String rv =
        result(client.list(Pod.class, "default", ListOptions.labelSelector("group=" + group)))
            .metadata
            .resourceVersion;
    List<String> seen = new CopyOnWriteArrayList<>();
    Watch watch =
        client.watch(
            Pod.class,
            "default",
            WatchOptions.from(rv).withLabelSelector("group=" + group),
            e -> seen.add(e.type() + " " + e.object().meta().name));
    result(watch.ready());
    String name = name("w");

    result(client.create(pod(name, "group", group)));
    result(
        client.patch(
            Pod.class,
            "default",
            name,
            PatchType.MERGE,
            "{\"metadata\":{\"labels\":{\"v\":\"2\"}}}"));
    result(
        client.delete(Pod.class, "default", name, DeleteOptions.none().withGracePeriodSeconds(0)));

    await().until(() -> seen.contains(TypedWatchEvent.Type.DELETED + " " + name));
    assertThat(seen).startsWith("ADDED " + name, "MODIFIED " + name).endsWith("DELETED " + name);
    watch.close();
    result(watch.done());
  }

  @Test
  void aWatchFromAnExpiredVersionFailsAsExpired() {
    String name = name("expire");
    Pod pod = result(client.create(pod(name, "app", "expire")));
    for (int i = 0; i < HISTORY + 5; i++) {
      result(
          client.patch(
              Pod.class,
              "default",
              name,
              PatchType.MERGE,
              "{\"metadata\":{\"labels\":{\"n\":\"" + i + "\"}}}"));
    }

    Watch watch =
        client.watch(Pod.class, "default", WatchOptions.from(pod.meta().resourceVersion), e -> {});

    assertThat(Errors.isExpired(failure(watch.done()))).isTrue();
  }

  @Test
  void anInformerSyncsIndexesAndFollowsChanges() {
    String group = "inf-" + NAMES.incrementAndGet();
    String first = name("i");
    result(client.create(pod(first, "group", group)));
    Informer<Pod> informer =
        new Informer<>(
            vertx,
            client,
            Pod.class,
            InformerOptions.inNamespace("default").withLabelSelector("group=" + group));
    informer.addIndex("image", p -> p.spec().containers.stream().map(c -> c.image).toList());
    List<String> events = new CopyOnWriteArrayList<>();
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod p) {
            events.add("add " + p.meta().name);
          }

          @Override
          public void onUpdate(Pod o, Pod n) {
            events.add("update " + n.meta().name);
          }

          @Override
          public void onDelete(Pod p) {
            events.add("delete " + p.meta().name);
          }
        });
    try {
      result(informer.start());
      assertThat(informer.keys()).containsExactly("default/" + first);
      String second = name("i");

      result(client.create(pod(second, "group", group)));
      result(
          client.patch(
              Pod.class,
              "default",
              second,
              PatchType.STRATEGIC,
              "{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx\"}]}}"));
      result(
          client.delete(
              Pod.class, "default", first, DeleteOptions.none().withGracePeriodSeconds(0)));

      await()
          .until(
              () ->
                  events.contains("delete " + first)
                      && informer.byIndex("image", "nginx").size() == 1);
      assertThat(informer.keys()).containsExactly("default/" + second);
      assertThat(events).startsWith("add " + first, "add " + second);
    } finally {
      result(informer.stop());
    }
  }

  @Test
  void anInformerRelistsAfterItsVersionExpiredAndKeepsFollowing() {
    String target = name("target");
    String other = name("noise");
    result(client.create(pod(target, "app", "relist")));
    result(client.create(pod(other, "app", "noise")));
    Informer<Pod> informer =
        new Informer<>(
            vertx,
            client,
            Pod.class,
            InformerOptions.inNamespace("default")
                .withFieldSelector("metadata.name=" + target)
                .withMinWatchTimeout(Duration.ofSeconds(1))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    try {
      result(informer.start());
      long synced = Long.parseLong(informer.lastResourceVersion());
      for (int i = 0; i < HISTORY + 10; i++) {
        result(
            client.patch(
                Pod.class,
                "default",
                other,
                PatchType.MERGE,
                "{\"metadata\":{\"labels\":{\"n\":\"" + i + "\"}}}"));
      }

      // No event matches and no bookmarks are sent: only a relist (after the 410 on re-watch) moves
      // the informer's resourceVersion past its first list.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Long.parseLong(informer.lastResourceVersion()) > synced + HISTORY);
      result(
          client.patch(
              Pod.class,
              "default",
              target,
              PatchType.MERGE,
              "{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}"));

      await().until(() -> "yes".equals(informer.get("default", target).meta().labels.get("seen")));
      assertThat(informer.keys()).containsExactly("default/" + target);
    } finally {
      result(informer.stop());
    }
  }

  // ---- helpers ---------------------------------------------------------------------------

  private static String name(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  private static Pod pod(String name, String labelKey, String labelValue) {
    return Json.parse(
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\"default\","
            + "\"labels\":{\""
            + labelKey
            + "\":\""
            + labelValue
            + "\"}},"
            + "\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}",
        Pod.class);
  }

  private static String reason(Future<?> future) {
    Throwable error = failure(future);
    assertThat(error).isInstanceOf(StatusException.class);
    return ((StatusException) error).reason();
  }

  static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }
}

package dev.skiff.server.controller.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.controller.FakeKubelet;
import dev.skiff.server.controller.TestObjects;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Owner deletion with each propagation policy, through the API. */
class GarbageCollectionIT {
  private static TestCluster cluster;
  private static FakeKubelet kubelet;
  private static KubeClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1));
    client = cluster.client();
    Await.result(cluster.replica(0).manager().leading());
    kubelet = new FakeKubelet(cluster.replica(0).vertx(), client);
    Await.result(kubelet.start("node-a"));
  }

  @AfterAll
  static void stop() {
    kubelet.stop();
    cluster.close();
  }

  private static List<ReplicaSet> sets(String app) {
    return Await.result(
            client.list(ReplicaSet.class, "default", ListOptions.labelSelector("app=" + app)))
        .items;
  }

  private static List<Pod> pods(String app) {
    return Await.result(client.list(Pod.class, "default", ListOptions.labelSelector("app=" + app)))
        .items;
  }

  private static void deploy(String name) {
    Await.result(client.create(TestObjects.deployment("default", name, 2, "img:1")));
    await().atMost(Duration.ofSeconds(20)).until(() -> pods(name).size() == 2);
  }

  @Test
  void orphanDeletionKeepsTheReplicaSetAndPodsWithoutTheOwnerReference() {
    deploy("orphans");
    Await.result(
        client.delete(
            Deployment.class,
            "default",
            "orphans",
            DeleteOptions.propagation(DeleteOptions.Propagation.Orphan)));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(
                      client
                          .get(Deployment.class, "default", "orphans")
                          .recover(
                              e ->
                                  Errors.isNotFound(e)
                                      ? io.vertx.core.Future.succeededFuture()
                                      : io.vertx.core.Future.failedFuture(e))
                          .toCompletionStage()
                          .toCompletableFuture()
                          .get())
                  .isNull();
              List<ReplicaSet> sets = sets("orphans");
              assertThat(sets).hasSize(1);
              assertThat(sets.get(0).meta().ownerReferences).isNullOrEmpty();
            });
    assertThat(pods("orphans")).hasSize(2);
  }

  @Test
  void foregroundDeletionRemovesDependentsBeforeTheOwner() {
    deploy("fg");
    Await.result(
        client.delete(
            Deployment.class,
            "default",
            "fg",
            DeleteOptions.propagation(DeleteOptions.Propagation.Foreground)));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(sets("fg")).isEmpty();
              assertThat(pods("fg")).isEmpty();
              assertThat(
                      Await.result(client.list(Deployment.class, "default", ListOptions.none()))
                          .items)
                  .noneMatch(d -> d.meta().name.equals("fg"));
            });
  }

  @Test
  void deletingAServiceDeletesItsEndpointSlices() {
    Await.result(client.create(TestObjects.service("default", "sliced", "nothing")));
    await().atMost(Duration.ofSeconds(10)).until(() -> !slices("sliced").isEmpty());
    Await.result(client.delete(Service.class, "default", "sliced", DeleteOptions.none()));
    await().atMost(Duration.ofSeconds(10)).until(() -> slices("sliced").isEmpty());
  }

  private static List<EndpointSlice> slices(String service) {
    return Await.result(
            client.list(
                EndpointSlice.class,
                "default",
                ListOptions.labelSelector("kubernetes.io/service-name=" + service)))
        .items;
  }
}

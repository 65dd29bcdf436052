package dev.skiff.server.controller;

import static dev.skiff.server.controller.TestObjects.deployment;
import static dev.skiff.server.controller.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deployments, ReplicaSets, the scheduler and endpoints together against one real replica. */
class WorkloadsIT {
  private static TestCluster cluster;
  private static FakeKubelet kubelet;
  private static KubeClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1));
    client = cluster.client();
    Await.result(cluster.replica(0).manager().leading());
    kubelet = new FakeKubelet(cluster.replica(0).vertx(), client);
    Await.result(kubelet.start("node-a", "node-b"));
  }

  @AfterAll
  static void stop() {
    kubelet.stop();
    cluster.close();
  }

  private static List<Pod> pods(String ns, String selector) {
    return Await.result(client.list(Pod.class, ns, ListOptions.labelSelector(selector))).items;
  }

  @Test
  void deploymentRollsOutSpreadsAndFeedsEndpoints() {
    Await.result(client.create(service("default", "web", "web")));
    Await.result(client.create(deployment("default", "web", 3, "img:1")));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Deployment d = Await.result(client.get(Deployment.class, "default", "web"));
              assertThat(d.status().availableReplicas).isEqualTo(3);
              assertThat(d.status().updatedReplicas).isEqualTo(3);
              assertThat(d.status().observedGeneration).isEqualTo(d.meta().generation);
            });
    List<Pod> pods = pods("default", "app=web");
    assertThat(pods).hasSize(3);
    assertThat(pods).extracting(p -> p.spec.nodeName).contains("node-a", "node-b");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Endpoints ep = Await.result(client.get(Endpoints.class, "default", "web"));
              assertThat(ep.subsets).hasSize(1);
              assertThat(ep.subsets.get(0).addresses).hasSize(3);
              assertThat(ep.subsets.get(0).ports.get(0).port).isEqualTo(8080);
              List<EndpointSlice> slices =
                  Await.result(
                          client.list(
                              EndpointSlice.class,
                              "default",
                              ListOptions.labelSelector("kubernetes.io/service-name=web")))
                      .items;
              assertThat(slices).hasSize(1);
              assertThat(slices.get(0).endpoints)
                  .hasSize(3)
                  .allMatch(e -> Boolean.TRUE.equals(e.conditions.ready));
            });

    Deployment d = Await.result(client.get(Deployment.class, "default", "web"));
    d.spec().template.spec.containers.get(0).image = "img:2";
    Await.result(client.update(d));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Deployment now = Await.result(client.get(Deployment.class, "default", "web"));
              assertThat(now.status().updatedReplicas).isEqualTo(3);
              assertThat(now.status().replicas).isEqualTo(3);
              assertThat(now.status().availableReplicas).isEqualTo(3);
              assertThat(now.status().observedGeneration).isEqualTo(now.meta().generation);
              assertThat(pods("default", "app=web"))
                  .hasSize(3)
                  .allMatch(p -> "img:2".equals(p.spec.containers.get(0).image));
            });
    List<ReplicaSet> sets =
        Await.result(client.list(ReplicaSet.class, "default", ListOptions.labelSelector("app=web")))
            .items;
    assertThat(sets).hasSize(2);
    assertThat(sets).extracting(rs -> rs.spec().replicas).containsExactlyInAnyOrder(0, 3);
  }

  @Test
  void deletingADeploymentDeletesItsReplicaSetsAndPods() {
    Await.result(client.create(deployment("default", "gone", 2, "img:1")));
    await().atMost(Duration.ofSeconds(20)).until(() -> pods("default", "app=gone").size() == 2);
    Await.result(
        client.delete(
            Deployment.class,
            "default",
            "gone",
            DeleteOptions.propagation(DeleteOptions.Propagation.Background)));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(
                      Await.result(
                              client.list(
                                  ReplicaSet.class,
                                  "default",
                                  ListOptions.labelSelector("app=gone")))
                          .items)
                  .isEmpty();
              assertThat(pods("default", "app=gone")).isEmpty();
            });
  }
}

package dev.skiff.server.controller.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.controller.FakeKubelet;
import dev.skiff.server.controller.TestObjects;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node whose agent dies: Unknown, pods out of the endpoints, then replaced elsewhere. */
class NodeLifecycleIT {
  @Test
  void podsOfADeadNodeLeaveTheEndpointsAndAreReplacedOnAnotherNode() {
    try (TestCluster cluster = TestCluster.start(TestCluster.Spec.of(1))) {
      KubeClient client = cluster.client();
      Await.result(cluster.replica(0).manager().leading());
      FakeKubelet kubelet = new FakeKubelet(cluster.replica(0).vertx(), client);
      Await.result(kubelet.start("node-a", "node-b"));
      Await.result(client.create(TestObjects.service("default", "web", "web")));
      Await.result(client.create(TestObjects.deployment("default", "web", 2, "img:1")));
      await().atMost(Duration.ofSeconds(20)).until(() -> readyAddresses(client) == 2);
      kubelet.silence("node-a");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                Node a = Await.result(client.get(Node.class, null, "node-a"));
                assertThat(a.status().conditions)
                    .anyMatch(c -> c.type.equals("Ready") && c.status.equals("Unknown"));
                assertThat(readyAddresses(client)).isEqualTo(1);
              });
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                List<Pod> pods =
                    Await.result(
                            client.list(Pod.class, "default", ListOptions.labelSelector("app=web")))
                        .items;
                assertThat(pods).hasSize(2).allMatch(p -> "node-b".equals(p.spec.nodeName));
                assertThat(readyAddresses(client)).isEqualTo(2);
              });
      kubelet.stop();
    }
  }

  private static int readyAddresses(KubeClient client) {
    try {
      Endpoints ep = Await.result(client.get(Endpoints.class, "default", "web"));
      return ep.subsets == null || ep.subsets.isEmpty() || ep.subsets.get(0).addresses == null
          ? 0
          : ep.subsets.get(0).addresses.size();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}

package dev.skiff.server.controller.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.testing.ApiObjects;
import dev.skiff.server.controller.FakeKubelet;
import dev.skiff.server.controller.TestObjects;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerIT {
  @Test
  void anUnschedulablePodStaysPendingWithAReasonUntilANodeFits() {
    try (TestCluster cluster = TestCluster.start(TestCluster.Spec.of(1))) {
      KubeClient client = cluster.client();
      Await.result(cluster.replica(0).manager().leading());
      FakeKubelet kubelet = new FakeKubelet(cluster.replica(0).vertx(), client);
      Await.result(kubelet.start("plain"));
      Pod pod = TestObjects.pod("picky", null, false, ApiObjects.labels("app", "picky"));
      pod.meta().uid = null;
      pod.meta().creationTimestamp = null;
      pod.spec.nodeName = null;
      pod.spec.nodeSelector = Map.of("skiff.dev/node", "ssd-node");
      pod.status = null;
      Await.result(client.create(pod));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                Pod now = Await.result(client.get(Pod.class, "default", "picky"));
                assertThat(now.status().conditions)
                    .anyMatch(
                        c ->
                            c.type.equals("PodScheduled")
                                && c.status.equals("False")
                                && c.reason.equals("Unschedulable")
                                && c.message.equals(
                                    "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector."));
                assertThat(events(client, "picky")).contains("FailedScheduling");
              });
      Await.result(
          client.create(
              FakeKubelet.node("ssd-node", ApiObjects.labels("skiff.dev/node", "ssd-node"))));
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                Pod now = Await.result(client.get(Pod.class, "default", "picky"));
                assertThat(now.spec.nodeName).isEqualTo("ssd-node");
                assertThat(events(client, "picky")).contains("Scheduled");
              });
      kubelet.stop();
    }
  }

  @Test
  void aPodRecreatedUnderTheNameOfAJustBoundOneIsScheduledToo() {
    try (TestCluster cluster = TestCluster.start(TestCluster.Spec.of(1))) {
      KubeClient client = cluster.client();
      Await.result(cluster.replica(0).manager().leading());
      FakeKubelet kubelet = new FakeKubelet(cluster.replica(0).vertx(), client);
      Await.result(kubelet.start("only"));
      for (int round = 0; round < 2; round++) {
        Pod pod = TestObjects.pod("web-0", null, false, ApiObjects.labels("app", "web"));
        pod.meta().uid = null;
        pod.meta().creationTimestamp = null;
        pod.spec.nodeName = null;
        pod.status = null;
        String uid = Await.result(client.create(pod)).meta().uid;
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  Pod now = Await.result(client.get(Pod.class, "default", "web-0"));
                  assertThat(now.meta().uid).isEqualTo(uid);
                  assertThat(now.spec.nodeName).isEqualTo("only");
                });
        Await.result(
            client.delete(
                Pod.class, "default", "web-0", DeleteOptions.none().withGracePeriodSeconds(0)));
      }
      kubelet.stop();
    }
  }

  private static java.util.List<String> events(KubeClient client, String pod) {
    return Await.result(
            client.list(
                Event.class, "default", ListOptions.fieldSelector("involvedObject.name=" + pod)))
        .items
        .stream()
        .map(e -> e.reason)
        .toList();
  }
}

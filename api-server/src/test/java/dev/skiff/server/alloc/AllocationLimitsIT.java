package dev.skiff.server.alloc;

import static dev.skiff.server.alloc.AllocationIT.svc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Event;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tiny, configured ranges: what happens when they are full. */
class AllocationLimitsIT {
  private static TestCluster cluster;
  private static KubeClient client;

  @BeforeAll
  static void start() {
    cluster =
        TestCluster.start(
            TestCluster.Spec.of(1)
                .withAllocation(
                    TestCluster.fastAllocation()
                        .withServiceCidr("127.10.9.0/29")
                        .withNodePorts("31000-31002")
                        .withLoadBalancerPool("127.20.9.0/30")));
    client = cluster.client();
    Await.result(cluster.replica(0).manager().leading());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aFullServiceRangeIsAnInternalErrorInKubernetesWords() {
    java.util.List<String> created = new java.util.ArrayList<>();
    StatusException full = null;
    for (int i = 0; i < 7 && full == null; i++) {
      try {
        created.add(
            Await.result(client.create(svc("ip-" + i, "ClusterIP", null, null))).meta().name);
      } catch (StatusException e) {
        full = e;
      }
    }
    assertThat(created).isNotEmpty();
    assertThat(full).isNotNull();
    assertThat(full.code()).isEqualTo(500);
    assertThat(full.getMessage())
        .isEqualTo("Internal error occurred: failed to allocate a serviceIP: range is full");
    created.forEach(
        n -> Await.result(client.delete(Service.class, "default", n, DeleteOptions.none())));
  }

  @Test
  void aFullPoolLeavesTheLoadBalancerPendingUntilAnIpIsFree() {
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(() -> Await.result(client.create(svc("lb-1", "LoadBalancer", null, null))) != null);
    await().atMost(Duration.ofSeconds(10)).until(() -> ingress("lb-1") != null);
    Await.result(client.create(svc("lb-2", "LoadBalancer", null, null)));
    await().atMost(Duration.ofSeconds(10)).until(() -> ingress("lb-2") != null);
    Await.result(client.create(svc("lb-3", "LoadBalancer", null, null)));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        Await.result(
                                client.list(
                                    Event.class,
                                    "default",
                                    ListOptions.fieldSelector("involvedObject.name=lb-3")))
                            .items)
                    .extracting(e -> e.reason)
                    .contains("SyncLoadBalancerFailed"));
    assertThat(ingress("lb-3")).isNull();
    String first = ingress("lb-1");
    Await.result(client.delete(Service.class, "default", "lb-1", DeleteOptions.none()));
    await().atMost(Duration.ofSeconds(30)).until(() -> first.equals(ingress("lb-3")));
    for (String name : new String[] {"lb-2", "lb-3"}) {
      Await.result(client.delete(Service.class, "default", name, DeleteOptions.none()));
    }
  }

  private static String ingress(String name) {
    Service s = Await.result(client.get(Service.class, "default", name));
    var lb = s.status().loadBalancer;
    return lb == null || lb.ingress == null || lb.ingress.isEmpty() ? null : lb.ingress.get(0).ip;
  }
}

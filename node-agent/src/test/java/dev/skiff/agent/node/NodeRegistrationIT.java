package dev.skiff.agent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.agent.testing.TestNode;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeAddress;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.server.testing.TestApiServer;
import dev.skiff.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node registration, lease renewal and shutdown, with two agents on one machine. */
class NodeRegistrationIT {
  @TempDir static Path dir;
  static TestApiServer api;

  @BeforeAll
  static void start() {
    api = TestApiServer.start();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void registersAReadyNodeWithAddressesCapacityAndEndpoint() {
    try (TestNode node = TestNode.start(TestNode.options(api, 31, dir))) {
      Node stored = Await.result(api.client().get(Node.class, null, "node-31"));

      assertThat(stored.status.addresses)
          .extracting(a -> a.type + "=" + a.address)
          .containsExactly("InternalIP=127.0.1.31", "Hostname=node-31");
      assertThat(stored.status.daemonEndpoints.kubeletEndpoint.port).isEqualTo(node.agent().port());
      assertThat(stored.status.capacity).containsKeys("cpu", "memory", "pods");
      assertThat(stored.status.allocatable).containsEntry("pods", "110");
      assertThat(stored.spec.podCIDR).isEqualTo("127.1.31.0/24");
      assertThat(stored.status.nodeInfo.containerRuntimeVersion).startsWith("process://");
      assertThat(stored.status.nodeInfo.kubeletVersion).isEqualTo("v1.32.0-skiff");
      assertThat(stored.meta().labels).containsEntry("kubernetes.io/hostname", "node-31");
      assertThat(condition(stored, "Ready").status).isEqualTo("True");
      assertThat(condition(stored, "MemoryPressure").status).isEqualTo("False");
      assertThat(condition(stored, "DiskPressure").status).isEqualTo("False");
      assertThat(condition(stored, "PIDPressure").status).isEqualTo("False");
    }
  }

  @Test
  void renewsItsLeaseEveryFewSeconds() {
    var options =
        TestNode.options(api, 32, dir).withLease(Duration.ofSeconds(40), Duration.ofMillis(500));
    try (TestNode node = TestNode.start(options)) {
      Lease first = Await.result(api.client().get(Lease.class, "kube-node-lease", "node-32"));
      assertThat(first.spec.holderIdentity).isEqualTo("node-32");
      assertThat(first.spec.leaseDurationSeconds).isEqualTo(40);
      assertThat(first.meta().ownerReferences)
          .extracting(o -> o.kind + "/" + o.name)
          .containsExactly("Node/node-32");
      Instant renewed = Instant.parse(first.spec.renewTime);

      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  Instant.parse(
                          Await.result(api.client().get(Lease.class, "kube-node-lease", "node-32"))
                              .spec
                              .renewTime)
                      .isAfter(renewed));
    }
  }

  @Test
  void marksItselfNotReadyOnShutdown() {
    TestNode node = TestNode.start(TestNode.options(api, 33, dir));
    node.close();

    Node stored = Await.result(api.client().get(Node.class, null, "node-33"));
    assertThat(condition(stored, "Ready").status).isEqualTo("False");
    assertThat(condition(stored, "Ready").reason).isEqualTo("KubeletNotReady");
  }

  @Test
  void twoAgentsOnOneMachineRegisterTwoNodesWithTheirOwnAddresses() {
    try (TestNode a = TestNode.start(TestNode.options(api, 34, dir));
        TestNode b = TestNode.start(TestNode.options(api, 35, dir))) {
      Node na = Await.result(api.client().get(Node.class, null, a.name()));
      Node nb = Await.result(api.client().get(Node.class, null, b.name()));

      assertThat(internalIp(na)).isEqualTo("127.0.1.34");
      assertThat(internalIp(nb)).isEqualTo("127.0.1.35");
      assertThat(na.spec.podCIDR).isNotEqualTo(nb.spec.podCIDR);
      assertThat(condition(na, "Ready").status).isEqualTo("True");
      assertThat(condition(nb, "Ready").status).isEqualTo("True");
    }
  }

  @Test
  void anAgentThatRestartsTakesItsNodeBackToReady() {
    TestNode first = TestNode.start(TestNode.options(api, 36, dir));
    first.close();
    try (TestNode second = TestNode.start(TestNode.options(api, 36, dir))) {
      Node stored = Await.result(api.client().get(Node.class, null, "node-36"));
      assertThat(condition(stored, "Ready").status).isEqualTo("True");
      assertThat(stored.status.daemonEndpoints.kubeletEndpoint.port)
          .isEqualTo(second.agent().port());
    }
  }

  private static NodeCondition condition(Node node, String type) {
    return node.status.conditions.stream()
        .filter(c -> type.equals(c.type))
        .findFirst()
        .orElseThrow();
  }

  private static String internalIp(Node node) {
    return node.status.addresses.stream()
        .filter(a -> a.type.equals("InternalIP"))
        .map((NodeAddress a) -> a.address)
        .findFirst()
        .orElseThrow();
  }
}

package dev.skiff.server.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.status.StatusException;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ClusterIP and NodePort allocation through the API of two replicas. */
class AllocationIT {
  private static TestCluster cluster;
  private static KubeClient one;
  private static KubeClient two;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(2));
    one = cluster.replica(0).client();
    two = cluster.replica(1).client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static Service svc(String name, String type, String clusterIp, Integer nodePort) {
    Service s =
        Json.parse(
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","namespace":"default"},
             "spec":{"type":"%s","selector":{"app":"%s"},"ports":[{"port":80}]}}
            """
                .formatted(name, type, name),
            Service.class);
    s.spec().clusterIP = clusterIp;
    s.spec().ports.get(0).nodePort = nodePort;
    return s;
  }

  private static StatusException failure(Future<?> call) {
    try {
      Await.result(call);
    } catch (StatusException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  @Test
  void aThousandConcurrentCreatesOnTwoReplicasGetDistinctIpsAndPorts() {
    List<Future<Service>> creates = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      creates.add((i % 2 == 0 ? one : two).create(svc("many-" + i, "NodePort", null, null)));
    }
    Await.result(Future.all(creates));
    Set<String> ips = new HashSet<>();
    Set<Integer> ports = new HashSet<>();
    for (Future<Service> f : creates) {
      Service s = f.result();
      ips.add(s.spec().clusterIP);
      ports.add(s.spec().ports.get(0).nodePort);
      assertThat(s.spec().clusterIP).startsWith("127.10.");
      assertThat(s.spec().ports.get(0).nodePort).isBetween(30000, 32767);
    }
    assertThat(ips).hasSize(1000);
    assertThat(ports).hasSize(1000);
    for (Future<Service> f : creates) {
      Service s = f.result();
      Await.result(one.delete(Service.class, "default", s.meta().name, DeleteOptions.none()));
    }
  }

  @Test
  void dynamicValuesComeFromTheUpperBand() {
    Service s = Await.result(one.create(svc("band", "NodePort", null, null)));
    int ordinal = Ipv4Range.parse("127.10.0.0/16").ordinalOf(s.spec().clusterIP);
    assertThat(ordinal).isGreaterThanOrEqualTo(256);
    assertThat(s.spec().ports.get(0).nodePort).isGreaterThanOrEqualTo(30086);
    assertThat(s.spec().clusterIPs).containsExactly(s.spec().clusterIP);
    assertThat(s.spec().ipFamilies).containsExactly("IPv4");
  }

  @Test
  void aRequestedClusterIpIsHonouredOnceAndRefusedAfterwards() {
    Service first = Await.result(one.create(svc("fixed-a", "ClusterIP", "127.10.0.77", null)));
    assertThat(first.spec().clusterIP).isEqualTo("127.10.0.77");
    StatusException e = failure(two.create(svc("fixed-b", "ClusterIP", "127.10.0.77", null)));
    assertThat(e.reason()).isEqualTo("Invalid");
    assertThat(e.getMessage())
        .isEqualTo(
            "Service \"fixed-b\" is invalid: spec.clusterIPs: Invalid value: []string{\"127.10.0.77\"}: "
                + "failed to allocate IP 127.10.0.77: provided IP is already allocated");
  }

  @Test
  void aClusterIpOutsideTheRangeIsRefusedInKubernetesWords() {
    StatusException e = failure(one.create(svc("outside", "ClusterIP", "127.11.0.5", null)));
    assertThat(e.code()).isEqualTo(422);
    assertThat(e.getMessage())
        .isEqualTo(
            "Service \"outside\" is invalid: spec.clusterIPs: Invalid value: []string{\"127.11.0.5\"}: "
                + "failed to allocate IP 127.11.0.5: the provided IP (127.11.0.5) is not in the valid "
                + "range. The range of valid IPs is 127.10.0.0/16");
  }

  @Test
  void nodePortsAreUniqueAcrossNamespacesAndCheckedAgainstTheRange() {
    Await.result(one.create(svc("np-a", "NodePort", null, 30080)));
    Service other = svc("np-b", "NodePort", null, 30080);
    other.meta().namespace = "kube-public";
    StatusException taken = failure(two.create(other));
    assertThat(taken.getMessage())
        .isEqualTo(
            "Service \"np-b\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: "
                + "provided port is already allocated");
    StatusException outside = failure(one.create(svc("np-c", "NodePort", null, 40000)));
    assertThat(outside.getMessage())
        .contains(
            "spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. "
                + "The range of valid ports is 30000-32767");
  }

  @Test
  void aFailedCreateReleasesWhatItAlreadyClaimed() {
    Await.result(one.create(svc("holder", "NodePort", null, 30090)));
    failure(one.create(svc("loser", "NodePort", "127.10.0.90", 30090)));
    Service reuse = Await.result(two.create(svc("winner", "ClusterIP", "127.10.0.90", null)));
    assertThat(reuse.spec().clusterIP).isEqualTo("127.10.0.90");
  }

  @Test
  void anUpdateThatOmitsAllocatedValuesKeepsThem() {
    Service s = Await.result(one.create(svc("keep", "NodePort", null, null)));
    String ip = s.spec().clusterIP;
    int port = s.spec().ports.get(0).nodePort;
    s.spec().clusterIP = null;
    s.spec().clusterIPs = null;
    s.spec().ports.get(0).nodePort = null;
    s.meta().labels = java.util.Map.of("touched", "yes");
    Service updated = Await.result(two.update(s));
    assertThat(updated.spec().clusterIP).isEqualTo(ip);
    assertThat(updated.spec().ports.get(0).nodePort).isEqualTo(port);
  }

  @Test
  void headlessServicesGetNoClusterIp() {
    Service s = Await.result(one.create(svc("headless", "ClusterIP", "None", null)));
    assertThat(s.spec().clusterIP).isEqualTo("None");
    assertThat(s.spec().clusterIPs).containsExactly("None");
  }

  @Test
  void deletingAServiceReleasesItsValues() {
    Await.result(one.create(svc("temp", "NodePort", "127.10.0.60", 30060)));
    Await.result(one.delete(Service.class, "default", "temp", DeleteOptions.none()));
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Service again =
                  Await.result(two.create(svc("temp2", "NodePort", "127.10.0.60", 30060)));
              assertThat(again.spec().ports.get(0).nodePort).isEqualTo(30060);
            });
  }

  @Test
  void changingTheTypeDownReleasesTheNodePort() {
    Service s = Await.result(one.create(svc("down", "NodePort", null, 30070)));
    s.spec().type = "ClusterIP";
    Service updated = Await.result(one.update(s));
    assertThat(updated.spec().ports.get(0).nodePort).isNull();
    assertThat(updated.spec().clusterIP).isEqualTo(s.spec().clusterIP);
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(() -> Await.result(two.create(svc("up", "NodePort", null, 30070))));
  }

  @Test
  void allocationsAreRebuiltFromStoredServicesAfterTheMapsAreLost() {
    Await.result(one.create(svc("kept", "NodePort", "127.10.0.99", 30099)));
    cluster.replica(0).hazelcast().getMap(ServiceAllocators.CLUSTER_IPS_MAP).clear();
    cluster.replica(0).hazelcast().getMap(ServiceAllocators.NODE_PORTS_MAP).clear();
    Await.result(
        cluster.replica(0).plane().rebuild(cluster.replica(0).vertx(), cluster.replica(0).store()));
    assertThatThrownBy(
            () -> Await.result(two.create(svc("clash", "ClusterIP", "127.10.0.99", null))))
        .hasMessageContaining("provided IP is already allocated");
    assertThatThrownBy(() -> Await.result(two.create(svc("clash2", "NodePort", null, 30099))))
        .hasMessageContaining("provided port is already allocated");
  }

  @Test
  void loadBalancerServicesGetAnIngressIpFromThePool() {
    Await.result(one.create(svc("lb", "LoadBalancer", null, null)));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Service s = Await.result(one.get(Service.class, "default", "lb"));
              assertThat(s.status().loadBalancer.ingress).hasSize(1);
              assertThat(s.status().loadBalancer.ingress.get(0).ip).startsWith("127.20.");
              assertThat(s.spec().ports.get(0).nodePort).isBetween(30000, 32767);
            });
  }

  @Test
  void aRequestedLoadBalancerIpOutsideThePoolIsRefused() {
    Service s = svc("lb-bad", "LoadBalancer", null, null);
    s.spec().loadBalancerIP = "127.30.0.1";
    StatusException e = failure(one.create(s));
    assertThat(e.getMessage())
        .isEqualTo(
            "Service \"lb-bad\" is invalid: spec.loadBalancerIP: Invalid value: \"127.30.0.1\": "
                + "the provided IP (127.30.0.1) is not in the valid range. The range of valid IPs is "
                + "127.20.0.0/16");
  }
}

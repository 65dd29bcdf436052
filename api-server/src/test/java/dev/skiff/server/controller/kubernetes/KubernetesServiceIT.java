package dev.skiff.server.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default/kubernetes Service kept by two replicas, each its own endpoint. */
class KubernetesServiceIT {
  private static TestCluster cluster;
  private static KubeClient client;
  private static final List<String> deployments = new ArrayList<>();

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(2));
    client = cluster.client();
    for (int i = 0; i < 2; i++) {
      TestCluster.Replica r = cluster.replica(i);
      KubernetesServiceOptions options =
          KubernetesServiceOptions.of("127.0.0.1", r.server().actualPort(), "127.10.0.0/16")
              .withTiming(Duration.ofSeconds(3), Duration.ofMillis(300));
      KubernetesServiceVerticle verticle =
          Await.result(
              r.plane().startKubernetesService(r.vertx(), r.client(), options, Clock.systemUTC()));
      deployments.add(verticle.deploymentID());
    }
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** The ports of the endpoints, none while the Endpoints do not exist yet. */
  private static List<Integer> endpointPorts() {
    Endpoints ep =
        Await.result(
            client
                .get(Endpoints.class, "default", "kubernetes")
                .recover(
                    e ->
                        dev.skiff.api.client.Errors.isNotFound(e)
                            ? io.vertx.core.Future.succeededFuture(new Endpoints())
                            : io.vertx.core.Future.failedFuture(e)));
    List<Integer> ports = new ArrayList<>();
    if (ep.subsets != null) {
      ep.subsets.forEach(s -> s.addresses.forEach(a -> ports.add(s.ports.get(0).port)));
    }
    return ports.stream().sorted().toList();
  }

  @Test
  void theServiceHasTheFirstClusterIpAndEveryLiveReplicaAsEndpointUntilItStops() {
    int port0 = cluster.replica(0).server().actualPort();
    int port1 = cluster.replica(1).server().actualPort();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(endpointPorts())
                    .containsExactlyElementsOf(List.of(port0, port1).stream().sorted().toList()));
    Service svc = Await.result(client.get(Service.class, "default", "kubernetes"));
    assertThat(svc.spec().clusterIP).isEqualTo("127.10.0.1");
    assertThat(svc.spec().ports.get(0).port).isEqualTo(443);
    assertThat(svc.spec().ports.get(0).name).isEqualTo("https");
    assertThat(svc.meta().labels).containsEntry("component", "apiserver");
    // the mirroring controller turns the Endpoints into slices the proxies read
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        Await.result(
                                client.list(
                                    EndpointSlice.class,
                                    "default",
                                    ListOptions.labelSelector(
                                        "kubernetes.io/service-name=kubernetes")))
                            .items
                            .stream()
                            .flatMap(s -> s.ports.stream())
                            .map(p -> p.port)
                            .toList())
                    .containsExactlyInAnyOrder(port0, port1));

    // replica 1 stops serving: it withdraws at once
    Await.result(cluster.replica(1).vertx().undeploy(deployments.get(1)));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(endpointPorts()).containsExactly(port0));

    // the Service is recreated if deleted
    String uid = svc.meta().uid;
    Await.result(
        client.delete(
            Service.class, "default", "kubernetes", dev.skiff.api.client.DeleteOptions.none()));
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptionsInstanceOf(dev.skiff.api.status.StatusException.class)
        .untilAsserted(
            () -> {
              Service again = Await.result(client.get(Service.class, "default", "kubernetes"));
              assertThat(again.meta().uid).isNotEqualTo(uid);
              assertThat(again.spec().ports.get(0).port).isEqualTo(443);
            });
  }
}

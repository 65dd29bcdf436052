package dev.skiff.server.controller.endpointslicemirroring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.ListOptions;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.testing.TestCluster;
import dev.skiff.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** User-managed Endpoints of selectorless Services, mirrored into EndpointSlices by the leader. */
class EndpointSliceMirroringIT {
  private static TestCluster cluster;
  private static KubeClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(TestCluster.Spec.of(1));
    client = cluster.client();
    Await.result(cluster.replica(0).manager().leading());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static Service service(String name, Map<String, String> selector) {
    return Json.mapper()
        .convertValue(
            Map.of(
                "metadata",
                Map.of("name", name, "namespace", "default"),
                "spec",
                selector == null
                    ? Map.of("ports", List.of(Map.of("name", "db", "port", 5432)))
                    : Map.of(
                        "selector",
                        selector,
                        "ports",
                        List.of(Map.of("name", "db", "port", 5432)))),
            Service.class);
  }

  private static Endpoints endpoints(String name, List<String> ips, Map<String, String> labels) {
    return Json.mapper()
        .convertValue(
            Map.of(
                "metadata", Map.of("name", name, "namespace", "default", "labels", labels),
                "subsets",
                    List.of(
                        Map.of(
                            "addresses",
                            ips.stream().map(ip -> Map.of("ip", ip)).toList(),
                            "ports",
                            List.of(Map.of("name", "db", "port", 5432))))),
            Endpoints.class);
  }

  private static List<EndpointSlice> slices(String service) {
    return Await.result(
            client.list(
                EndpointSlice.class,
                "default",
                ListOptions.labelSelector(
                    EndpointSlice.SERVICE_NAME_LABEL
                        + "="
                        + service
                        + ","
                        + EndpointSlice.MANAGED_BY_LABEL
                        + "="
                        + MirroringReconciler.MANAGED_BY)))
        .items;
  }

  private static List<String> addresses(String service) {
    return slices(service).stream()
        .flatMap(s -> s.endpoints.stream())
        .map(e -> e.addresses.get(0))
        .sorted()
        .toList();
  }

  @Test
  void endpointsWrittenBeforeTheirServiceStayAndAreMirroredOnceItExists() {
    Await.result(client.create(endpoints("early", List.of("127.9.0.5"), Map.of())));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> exists("early"));
    Await.result(client.create(service("early", null)));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(addresses("early")).containsExactly("127.9.0.5"));
    assertThat(exists("early")).isTrue();

    Await.result(client.delete(Service.class, "default", "early", DeleteOptions.none()));
    await().atMost(Duration.ofSeconds(10)).until(() -> !exists("early"));
  }

  private static boolean exists(String name) {
    return Await.result(client.list(Endpoints.class, "default", ListOptions.none())).items.stream()
        .anyMatch(e -> e.meta().name.equals(name));
  }

  @Test
  void endpointsOfASelectorlessServiceAreMirroredUpdatedAndRemovedWithThem() {
    Await.result(client.create(service("db", null)));
    Endpoints created =
        Await.result(
            client.create(endpoints("db", List.of("127.9.0.2", "127.9.0.1"), Map.of("a", "b"))));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(addresses("db")).containsExactly("127.9.0.1", "127.9.0.2"));
    EndpointSlice slice = slices("db").get(0);
    assertThat(slice.meta().labels).containsEntry("a", "b");
    assertThat(slice.meta().ownerReferences.get(0).uid).isEqualTo(created.meta().uid);
    assertThat(slice.ports.get(0).port).isEqualTo(5432);

    Endpoints live = Await.result(client.get(Endpoints.class, "default", "db"));
    live.subsets.get(0).addresses.remove(1);
    Await.result(client.update(live));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(addresses("db")).containsExactly("127.9.0.2"));
    assertThat(slices("db").get(0).meta().name).isEqualTo(slice.meta().name);

    Await.result(client.delete(Endpoints.class, "default", "db", DeleteOptions.none()));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slices("db")).isEmpty());
  }

  @Test
  void aServiceThatGainsASelectorLosesItsMirroredSlicesAndSkipMirrorIsHonoured() {
    Await.result(client.create(service("cache", null)));
    Await.result(client.create(endpoints("cache", List.of("127.9.1.1"), Map.of())));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(addresses("cache")).containsExactly("127.9.1.1"));
    Service svc = Await.result(client.get(Service.class, "default", "cache"));
    svc.spec().selector = Map.of("app", "cache");
    Await.result(client.update(svc));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(slices("cache")).isEmpty());

    Await.result(client.create(service("skipped", null)));
    Await.result(
        client.create(
            endpoints(
                "skipped", List.of("127.9.2.1"), Map.of(MirroringReconciler.SKIP_MIRROR, "true"))));
    Await.result(client.create(service("mirrored", null)));
    Await.result(client.create(endpoints("mirrored", List.of("127.9.3.1"), Map.of())));
    // once the later Service is mirrored, the earlier one has been seen and skipped
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(addresses("mirrored")).containsExactly("127.9.3.1"));
    assertThat(slices("skipped")).isEmpty();
  }
}

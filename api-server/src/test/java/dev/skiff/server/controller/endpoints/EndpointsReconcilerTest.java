package dev.skiff.server.controller.endpoints;

import static dev.skiff.api.testing.ApiObjects.labels;
import static dev.skiff.server.controller.TestObjects.pod;
import static dev.skiff.server.controller.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.EndpointAddress;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointsReconcilerTest {
  /** The seed's rule: a pod needs ALL the selector's labels; extra labels do not matter. */
  static Stream<Arguments> membership() {
    Map<String, String> selector = labels("app", "web", "tier", "front");
    return Stream.of(
        Arguments.of("exact labels", selector, labels("app", "web", "tier", "front"), true),
        Arguments.of(
            "extra labels", selector, labels("app", "web", "tier", "front", "v", "2"), true),
        Arguments.of("one label missing", selector, labels("app", "web"), false),
        Arguments.of("one label differs", selector, labels("app", "web", "tier", "back"), false),
        Arguments.of("no labels", selector, null, false),
        Arguments.of(
            "selector of one", labels("app", "web"), labels("app", "web", "x", "y"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("membership")
  void podIsAMemberOnlyWithEverySelectorLabel(
      String name, Map<String, String> selector, Map<String, String> podLabels, boolean member) {
    Service svc = service("web", selector, 8080);
    Endpoints ep =
        EndpointsReconciler.desired(svc, List.of(pod("p", "127.1.0.1", true, podLabels)));
    assertThat(addresses(ep)).hasSize(member ? 1 : 0);
  }

  @Test
  void readyPodsGoToAddressesAndNotReadyOnesToNotReadyAddresses() {
    Service svc = service("web", labels("app", "web"), 8080);
    Endpoints ep =
        EndpointsReconciler.desired(
            svc,
            List.of(
                pod("b", "127.1.0.2", true, labels("app", "web")),
                pod("a", "127.1.0.1", false, labels("app", "web"))));
    EndpointSubset subset = ep.subsets.get(0);
    assertThat(subset.addresses).extracting(a -> a.ip).containsExactly("127.1.0.2");
    assertThat(subset.notReadyAddresses).extracting(a -> a.ip).containsExactly("127.1.0.1");
    assertThat(subset.addresses.get(0).targetRef.name).isEqualTo("b");
    assertThat(subset.addresses.get(0).nodeName).isEqualTo("node-1");
  }

  @Test
  void publishNotReadyAddressesPutsEveryMemberInAddresses() {
    Service svc = service("web", labels("app", "web"), 8080);
    svc.spec().publishNotReadyAddresses = true;
    Endpoints ep =
        EndpointsReconciler.desired(
            svc, List.of(pod("a", "127.1.0.1", false, labels("app", "web"))));
    assertThat(ep.subsets.get(0).addresses).hasSize(1);
    assertThat(ep.subsets.get(0).notReadyAddresses).isNull();
  }

  @Test
  void terminatingPodsAndPodsWithoutIpOrInTerminalPhaseAreLeftOut() {
    Service svc = service("web", labels("app", "web"), 8080);
    Pod deleting = pod("d", "127.1.0.1", true, labels("app", "web"));
    deleting.meta().deletionTimestamp = "2025-01-01T00:00:00Z";
    Pod noIp = pod("n", null, true, labels("app", "web"));
    Pod done = pod("s", "127.1.0.3", false, labels("app", "web"));
    done.status.phase = "Succeeded";
    Endpoints ep = EndpointsReconciler.desired(svc, List.of(deleting, noIp, done));
    assertThat(ep.subsets).isEmpty();
  }

  @Test
  void namedTargetPortResolvesPerPodAndPodsWithoutItAreLeftOut() {
    Service svc = service("web", labels("app", "web"), "http");
    Pod other = pod("o", "127.1.0.2", true, labels("app", "web"));
    other.spec.containers.get(0).ports.get(0).containerPort = 9090;
    Pod without = pod("x", "127.1.0.3", true, labels("app", "web"));
    without.spec.containers.get(0).ports.get(0).name = "metrics";
    Endpoints ep =
        EndpointsReconciler.desired(
            svc, List.of(pod("a", "127.1.0.1", true, labels("app", "web")), other, without));
    assertThat(ep.subsets).hasSize(2);
    assertThat(ep.subsets)
        .extracting(s -> s.ports.get(0).port + "=" + s.addresses.get(0).ip)
        .containsExactlyInAnyOrder("8080=127.1.0.1", "9090=127.1.0.2");
  }

  @Test
  void podsInOtherNamespacesAreNotMembers() {
    Service svc = service("web", labels("app", "web"), 8080);
    Pod elsewhere = pod("a", "127.1.0.1", true, labels("app", "web"));
    elsewhere.meta().namespace = "other";
    assertThat(EndpointsReconciler.desired(svc, List.of(elsewhere)).subsets).isEmpty();
  }

  @Test
  void reconcileWritesNothingWhenTheEndpointsAlreadyMatch() {
    Service svc = service("web", labels("app", "web"), 8080);
    List<Pod> pods = List.of(pod("a", "127.1.0.1", true, labels("app", "web")));
    Endpoints current = EndpointsReconciler.desired(svc, pods);
    current.meta().resourceVersion = "7";
    assertThat(EndpointsReconciler.reconcile(svc, pods, current).write()).isNull();
    EndpointsReconciler.Result created = EndpointsReconciler.reconcile(svc, pods, null);
    assertThat(created.create()).isTrue();
    EndpointsReconciler.Result updated = EndpointsReconciler.reconcile(svc, List.of(), current);
    assertThat(updated.create()).isFalse();
    assertThat(updated.write().meta().resourceVersion).isEqualTo("7");
    assertThat(updated.write().subsets).isEmpty();
  }

  private static List<EndpointAddress> addresses(Endpoints ep) {
    return ep.subsets.stream()
        .flatMap(s -> s.addresses == null ? Stream.empty() : s.addresses.stream())
        .toList();
  }
}

package dev.skiff.server.controller.endpointslice;

import static dev.skiff.api.testing.ApiObjects.labels;
import static dev.skiff.server.controller.TestObjects.pod;
import static dev.skiff.server.controller.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.controller.endpoints.EndpointsReconciler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointSliceReconcilerTest {
  private final Service svc = service("web", labels("app", "web"), "http");

  private static List<Pod> pods(int n, boolean ready) {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pods.add(
          pod(
              "p" + i,
              "127.1." + (100 + i / 100) + "." + (100 + i % 100),
              ready,
              labels("app", "web")));
    }
    return pods;
  }

  /** Gives created slices names and versions, as the server would. */
  private static List<EndpointSlice> stored(EndpointSliceReconciler.Changes changes) {
    List<EndpointSlice> out = new ArrayList<>();
    int i = 0;
    for (EndpointSlice s : changes.create()) {
      s.meta().name = "web-" + i++;
      s.meta().resourceVersion = "1";
      out.add(s);
    }
    return out;
  }

  @Test
  void aNewServiceGetsOneSliceWithLabelsOwnerPortsAndConditions() {
    List<Pod> pods = pods(2, true);
    pods.get(1).status.conditions.get(0).status = "False";
    var changes = EndpointSliceReconciler.reconcile(svc, pods, List.of());
    assertThat(changes.create()).hasSize(1);
    EndpointSlice s = changes.create().get(0);
    assertThat(s.meta().labels)
        .containsEntry(EndpointSlice.SERVICE_NAME_LABEL, "web")
        .containsEntry(EndpointSlice.MANAGED_BY_LABEL, "endpointslice-controller.k8s.io");
    assertThat(s.meta().ownerReferences.get(0).uid).isEqualTo("uid-web");
    assertThat(s.addressType).isEqualTo("IPv4");
    assertThat(s.ports.get(0).port).isEqualTo(8080);
    assertThat(s.ports.get(0).name).isEqualTo("web");
    assertThat(s.endpoints).extracting(e -> e.conditions.ready).containsExactly(true, false);
    assertThat(s.endpoints.get(0).targetRef.name).isEqualTo("p0");
    assertThat(s.endpoints.get(0).nodeName).isEqualTo("node-1");
  }

  @Test
  void endpointsAreSplitAtOneHundredPerSlice() {
    var changes = EndpointSliceReconciler.reconcile(svc, pods(250, true), List.of());
    assertThat(changes.create()).extracting(s -> s.endpoints.size()).containsExactly(100, 100, 50);
  }

  @Test
  void aTerminatingPodStaysAsServingTerminatingNotReady() {
    List<Pod> pods = pods(1, true);
    pods.get(0).meta().deletionTimestamp = "2025-01-01T00:00:00Z";
    Endpoint e =
        EndpointSliceReconciler.reconcile(svc, pods, List.of()).create().get(0).endpoints.get(0);
    assertThat(e.conditions.ready).isFalse();
    assertThat(e.conditions.serving).isTrue();
    assertThat(e.conditions.terminating).isTrue();
  }

  @Test
  void unchangedPodsMeanNoWrites() {
    List<Pod> pods = pods(3, true);
    List<EndpointSlice> existing = stored(EndpointSliceReconciler.reconcile(svc, pods, List.of()));
    assertThat(EndpointSliceReconciler.reconcile(svc, pods, existing).isEmpty()).isTrue();
  }

  @Test
  void aPodBecomingReadyUpdatesOnlyItsSlice() {
    List<Pod> pods = pods(150, true);
    List<EndpointSlice> existing = stored(EndpointSliceReconciler.reconcile(svc, pods, List.of()));
    pods.get(120).status.conditions.get(0).status = "False";
    var changes = EndpointSliceReconciler.reconcile(svc, pods, existing);
    assertThat(changes.create()).isEmpty();
    assertThat(changes.delete()).isEmpty();
    assertThat(changes.update()).hasSize(1);
    assertThat(changes.update().get(0).meta().name).isEqualTo("web-1");
  }

  @Test
  void newEndpointsFillSlicesWithRoomBeforeNewSlicesAreMade() {
    List<Pod> pods = pods(150, true);
    List<EndpointSlice> existing = stored(EndpointSliceReconciler.reconcile(svc, pods, List.of()));
    List<Pod> more = pods(160, true);
    var changes = EndpointSliceReconciler.reconcile(svc, more, existing);
    assertThat(changes.create()).isEmpty();
    assertThat(changes.update()).extracting(s -> s.endpoints.size()).containsExactly(60);
  }

  @Test
  void aServiceWithoutMembersKeepsOneEmptyPlaceholderSlice() {
    List<EndpointSlice> existing =
        stored(EndpointSliceReconciler.reconcile(svc, pods(150, true), List.of()));
    var changes = EndpointSliceReconciler.reconcile(svc, List.of(), existing);
    assertThat(changes.create()).isEmpty();
    assertThat(changes.delete()).hasSize(1);
    assertThat(changes.update()).hasSize(1);
    assertThat(changes.update().get(0).endpoints).isEmpty();
    var fresh = EndpointSliceReconciler.reconcile(svc, List.of(), List.of());
    assertThat(fresh.create()).hasSize(1);
    assertThat(fresh.create().get(0).endpoints).isEmpty();
  }

  @Test
  void slicesAndEndpointsAgreeOnReadyAddresses() {
    List<Pod> pods = pods(5, true);
    pods.get(2).status.conditions.get(0).status = "False";
    List<String> fromSlices =
        EndpointSliceReconciler.reconcile(svc, pods, List.of()).create().stream()
            .flatMap(s -> s.endpoints.stream())
            .filter(e -> e.conditions.ready)
            .map(e -> e.addresses.get(0))
            .toList();
    List<String> fromEndpoints =
        EndpointsReconciler.desired(svc, pods).subsets.get(0).addresses.stream()
            .map(a -> a.ip)
            .toList();
    assertThat(fromSlices).containsExactlyInAnyOrderElementsOf(fromEndpoints).hasSize(4);
  }
}

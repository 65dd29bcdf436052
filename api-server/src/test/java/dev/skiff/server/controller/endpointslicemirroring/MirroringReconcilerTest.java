package dev.skiff.server.controller.endpointslicemirroring;

import static dev.skiff.api.testing.ApiObjects.labels;
import static dev.skiff.server.controller.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.core.EndpointAddress;
import dev.skiff.api.model.core.EndpointPort;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirroringReconcilerTest {
  private static EndpointAddress address(String ip) {
    EndpointAddress a = new EndpointAddress();
    a.ip = ip;
    return a;
  }

  private static EndpointSubset subset(int port, List<String> ready, List<String> notReady) {
    EndpointSubset s = new EndpointSubset();
    s.addresses = new ArrayList<>(ready.stream().map(MirroringReconcilerTest::address).toList());
    s.notReadyAddresses =
        new ArrayList<>(notReady.stream().map(MirroringReconcilerTest::address).toList());
    EndpointPort p = new EndpointPort();
    p.name = "db";
    p.port = port;
    s.ports = new ArrayList<>(List.of(p));
    return s;
  }

  private static Endpoints endpoints(EndpointSubset... subsets) {
    Endpoints e = new Endpoints();
    e.meta().name = "db";
    e.meta().namespace = "default";
    e.meta().uid = "uid-ep-db";
    e.meta().labels = labels("team", "data");
    e.meta().annotations =
        Map.of("note", "kept", "kubectl.kubernetes.io/last-applied-configuration", "{}");
    e.subsets = new ArrayList<>(List.of(subsets));
    return e;
  }

  /** Names and versions for created slices, as the server would give them. */
  private static List<EndpointSlice> stored(List<EndpointSlice> created) {
    int i = 0;
    for (EndpointSlice s : created) {
      s.meta().name = "db-" + i++;
      s.meta().resourceVersion = "1";
    }
    return created;
  }

  @Test
  void aSelectorlessServiceHasItsEndpointsMirroredButOneWithASelectorOrSkipMirrorDoesNot() {
    Endpoints ep = endpoints(subset(5432, List.of("127.1.0.5"), List.of()));
    Service selectorless = service("db", null, 5432);
    assertThat(MirroringReconciler.mirrors(selectorless, ep)).isTrue();
    assertThat(MirroringReconciler.mirrors(service("db", Map.of(), 5432), ep)).isTrue();
    assertThat(MirroringReconciler.mirrors(service("db", labels("app", "db"), 5432), ep)).isFalse();
    assertThat(MirroringReconciler.mirrors(null, ep)).isFalse();
    assertThat(MirroringReconciler.mirrors(selectorless, null)).isFalse();
    ep.meta().labels = labels(MirroringReconciler.SKIP_MIRROR, "true");
    assertThat(MirroringReconciler.mirrors(selectorless, ep)).isFalse();
  }

  @Test
  void readyAndNotReadyAddressesBecomeOneSliceWithLabelsAnnotationsOwnerAndPorts() {
    Endpoints ep = endpoints(subset(5432, List.of("127.1.0.6", "127.1.0.5"), List.of("127.1.0.7")));
    var changes = MirroringReconciler.reconcile(ep, List.of());
    assertThat(changes.update()).isEmpty();
    assertThat(changes.delete()).isEmpty();
    assertThat(changes.create()).hasSize(1);
    EndpointSlice s = changes.create().get(0);
    assertThat(s.meta().generateName).isEqualTo("db-");
    assertThat(s.meta().labels)
        .containsEntry("team", "data")
        .containsEntry(EndpointSlice.SERVICE_NAME_LABEL, "db")
        .containsEntry(EndpointSlice.MANAGED_BY_LABEL, "endpointslicemirroring-controller.k8s.io");
    assertThat(s.meta().annotations).containsOnlyKeys("note");
    assertThat(s.meta().ownerReferences.get(0).kind).isEqualTo("Endpoints");
    assertThat(s.meta().ownerReferences.get(0).uid).isEqualTo("uid-ep-db");
    assertThat(s.meta().ownerReferences.get(0).controller).isTrue();
    assertThat(s.addressType).isEqualTo("IPv4");
    assertThat(s.ports)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name).isEqualTo("db");
              assertThat(p.port).isEqualTo(5432);
              assertThat(p.protocol).isEqualTo("TCP");
            });
    assertThat(s.endpoints)
        .extracting(e -> e.addresses.get(0))
        .containsExactly("127.1.0.5", "127.1.0.6", "127.1.0.7");
    assertThat(s.endpoints).extracting(e -> e.conditions.ready).containsExactly(true, true, false);
  }

  @Test
  void subsetsWithTheSamePortsShareSlicesAndOtherPortsOrAddressFamiliesGetTheirOwn() {
    Endpoints ep =
        endpoints(
            subset(5432, List.of("127.1.0.5"), List.of()),
            subset(5432, List.of("127.1.0.9", "127.1.0.5"), List.of()),
            subset(6432, List.of("127.1.0.5", "fd00::5"), List.of()),
            subset(6432, List.of("not-an-ip"), List.of()));
    var created = MirroringReconciler.reconcile(ep, List.of()).create();
    assertThat(created).hasSize(3);
    assertThat(created)
        .extracting(s -> s.addressType + " " + s.ports.get(0).port + " " + s.endpoints.size())
        .containsExactlyInAnyOrder("IPv4 5432 2", "IPv4 6432 1", "IPv6 6432 1");
  }

  @Test
  void moreThanAHundredAddressesAreSplitAndShrinkingDeletesTheSpareSlice() {
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ips.add("127.1." + (i / 200) + "." + (i % 200 + 1));
    }
    Endpoints ep = endpoints(subset(5432, ips, List.of()));
    List<EndpointSlice> first = stored(MirroringReconciler.reconcile(ep, List.of()).create());
    assertThat(first).extracting(s -> s.endpoints.size()).containsExactly(100, 50);

    ep.subsets = List.of(subset(5432, ips.subList(0, 60), List.of()));
    var changes = MirroringReconciler.reconcile(ep, first);
    assertThat(changes.create()).isEmpty();
    assertThat(changes.update())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.meta().name).isEqualTo("db-0");
              assertThat(s.meta().resourceVersion).isEqualTo("1");
              assertThat(s.endpoints).hasSize(60);
            });
    assertThat(changes.delete()).extracting(s -> s.meta().name).containsExactly("db-1");
  }

  @Test
  void unchangedEndpointsCostNoWriteAndNothingToMirrorDeletesEverySlice() {
    Endpoints ep = endpoints(subset(5432, List.of("127.1.0.5"), List.of()));
    List<EndpointSlice> first = stored(MirroringReconciler.reconcile(ep, List.of()).create());
    var again = MirroringReconciler.reconcile(ep, first);
    assertThat(again.create()).isEmpty();
    assertThat(again.update()).isEmpty();
    assertThat(again.delete()).isEmpty();

    var gone = MirroringReconciler.reconcile(null, first);
    assertThat(gone.create()).isEmpty();
    assertThat(gone.delete()).extracting(s -> s.meta().name).containsExactly("db-0");
  }

  @Test
  void aChangedPortMovesTheEndpointsToANewSliceAndDeletesTheOld() {
    Endpoints ep = endpoints(subset(5432, List.of("127.1.0.5"), List.of()));
    List<EndpointSlice> first = stored(MirroringReconciler.reconcile(ep, List.of()).create());
    ep.subsets = List.of(subset(5433, List.of("127.1.0.5"), List.of()));
    var changes = MirroringReconciler.reconcile(ep, first);
    assertThat(changes.create())
        .singleElement()
        .satisfies(s -> assertThat(s.ports.get(0).port).isEqualTo(5433));
    assertThat(changes.delete()).extracting(s -> s.meta().name).containsExactly("db-0");
  }
}

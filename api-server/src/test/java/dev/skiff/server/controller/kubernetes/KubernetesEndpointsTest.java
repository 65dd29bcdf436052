package dev.skiff.server.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.coordination.LeaseSpec;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.meta.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesEndpointsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");

  private static Lease lease(String endpoint, Instant renewed, Integer seconds) {
    Lease l = new Lease();
    l.meta().name = "apiserver-" + endpoint.hashCode();
    l.meta().annotations = Map.of(KubernetesEndpoints.ENDPOINT_ANNOTATION, endpoint);
    l.spec = new LeaseSpec();
    l.spec.renewTime = renewed == null ? null : Times.microTime(renewed);
    l.spec.leaseDurationSeconds = seconds;
    return l;
  }

  private static List<String> flat(List<EndpointSubset> subsets) {
    return subsets.stream()
        .flatMap(
            s ->
                s.addresses.stream()
                    .map(a -> a.ip + ":" + s.ports.get(0).port + "/" + s.ports.get(0).name))
        .toList();
  }

  @Test
  void liveReplicasAreEndpointsGroupedByPortAndExpiredOrBrokenLeasesAreNot() {
    List<Lease> leases =
        List.of(
            lease("127.0.0.2:6443", NOW.minusSeconds(5), 15),
            lease("127.0.0.1:6443", NOW.minusSeconds(1), 15),
            lease("127.0.0.1:7443", NOW.minusSeconds(14), 15),
            lease("127.0.0.3:6443", NOW.minusSeconds(15), 15), // expired just now
            lease("127.0.0.4:6443", null, 15), // never renewed
            lease("127.0.0.5:6443", NOW, null), // no duration
            lease("no-port", NOW, 15));
    List<EndpointSubset> subsets = KubernetesEndpoints.subsets(leases, NOW);
    assertThat(subsets).hasSize(2);
    assertThat(flat(subsets))
        .containsExactly("127.0.0.1:6443/https", "127.0.0.2:6443/https", "127.0.0.1:7443/https");
  }

  @Test
  void noLiveReplicaMeansNoSubsets() {
    assertThat(KubernetesEndpoints.subsets(List.of(), NOW)).isEmpty();
    assertThat(
            KubernetesEndpoints.subsets(
                List.of(lease("127.0.0.1:6443", NOW.minusSeconds(60), 15)), NOW))
        .isEmpty();
  }
}

package dev.skiff.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.agent.runtime.Cidr;
import dev.skiff.cli.embedded.docker.HostRoutes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterAddressesTest {
  @Test
  void dockerSlotZeroUsesTheDocumentedRanges() {
    ClusterAddresses a = new ClusterAddresses(0, true);
    assertThat(a.serviceCidr()).isEqualTo("10.112.0.0/20");
    assertThat(a.dnsServiceIp()).isEqualTo("10.112.0.10");
    assertThat(a.loadBalancerPool()).isEqualTo("10.112.16.0/21");
    assertThat(a.nodeAddress(2)).isEqualTo("10.112.24.2");
    assertThat(a.podCidr(2)).isEqualTo("10.128.2.0/24");
    assertThat(a.localRange()).isEqualTo("10.112.0.0/19");
    assertThat(a.summary())
        .isEqualTo(
            "Services 10.112.0.0/20, LoadBalancer IPs 10.112.16.0/21, pods 10.128.N.0/24;"
                + " 10.112.0.0/19 is local on this host");
  }

  @Test
  void dockerServicesLoadBalancerIpsAndNodesAreInsideTheLocalRangeAndPodsAreNot() {
    for (int slot = 0; slot < ClusterAddresses.SLOTS; slot++) {
      ClusterAddresses a = new ClusterAddresses(slot, true);
      Cidr local = Cidr.parse(a.localRange());
      assertThat(local.contains(a.dnsServiceIp())).isTrue();
      assertThat(local.contains(Cidr.parse(a.loadBalancerPool()).host(0))).isTrue();
      assertThat(local.contains(a.nodeAddress(20))).isTrue();
      assertThat(HostRoutes.overlaps(List.of(a.serviceCidr()), a.loadBalancerPool())).isFalse();
      assertThat(HostRoutes.overlaps(List.of(a.localRange()), a.podRange())).isFalse();
      assertThat(Cidr.parse(a.podRange()).contains(Cidr.parse(a.podCidr(20)).host(0))).isTrue();
    }
  }

  @Test
  void dockerRangesOfDifferentSlotsNeverOverlapNorTouchDockersOwnPools() {
    List<String> taken = new ArrayList<>(List.of("172.16.0.0/12", "192.168.0.0/16"));
    for (int slot = 0; slot < ClusterAddresses.SLOTS; slot++) {
      ClusterAddresses a = new ClusterAddresses(slot, true);
      assertThat(HostRoutes.overlaps(taken, a.localRange())).as("slot " + slot).isFalse();
      assertThat(HostRoutes.overlaps(taken, a.podRange())).as("slot " + slot).isFalse();
      taken.add(a.localRange());
      taken.add(a.podRange());
    }
  }

  @Test
  void processSlotsStayOnLoopback() {
    ClusterAddresses a = new ClusterAddresses(1, false);
    assertThat(a.nodeAddress(1)).isEqualTo("127.67.0.1");
    assertThat(a.serviceCidr()).isEqualTo("127.68.0.0/16");
    assertThat(a.loadBalancerPool()).isEqualTo("127.69.0.0/16");
  }
}

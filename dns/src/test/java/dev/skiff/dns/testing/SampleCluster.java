package dev.skiff.dns.testing;

import dev.skiff.dns.zone.ClusterSnapshot;
import dev.skiff.dns.zone.EndpointEntry;
import dev.skiff.dns.zone.EndpointSliceEntry;
import dev.skiff.dns.zone.PodEntry;
import dev.skiff.dns.zone.PortEntry;
import dev.skiff.dns.zone.ServiceEntry;
import dev.skiff.dns.zone.ServiceType;
import java.util.ArrayList;
import java.util.List;

/**
 * A small cluster covering every kind of record: ClusterIP (with named and unnamed ports),
 * dual-stack, headless (ready, not ready, without hostname), headless without ready endpoints,
 * headless publishing not-ready addresses, ExternalName, and a headless Service with so many
 * endpoints that its answer does not fit in 512 bytes. The addresses are data only: no traffic is
 * ever sent to them.
 */
public final class SampleCluster {
  public static final String KUBE_DNS_IP = "10.96.0.10";
  public static final String WEB_IP = "10.96.0.20";
  public static final String DUAL_V4 = "10.96.0.21";
  public static final String DUAL_V6 = "fd00:10:96::21";
  public static final int BIG_ENDPOINTS = 60;

  private SampleCluster() {}

  public static ClusterSnapshot snapshot() {
    PortEntry http = new PortEntry("http", "TCP", 80);
    PortEntry dnsUdp = new PortEntry("dns", "UDP", 53);
    PortEntry pg = new PortEntry("pg", "TCP", 5432);
    List<ServiceEntry> services =
        List.of(
            ServiceEntry.clusterIp("kube-system", "kube-dns", KUBE_DNS_IP, dnsUdp),
            ServiceEntry.clusterIp(
                "default", "web", WEB_IP, http, new PortEntry(null, "TCP", 8080)),
            new ServiceEntry(
                "default",
                "dual",
                ServiceType.CLUSTER_IP,
                List.of(DUAL_V4, DUAL_V6),
                List.of(http),
                null,
                false,
                false),
            ServiceEntry.headless("default", "db", pg),
            ServiceEntry.headless("default", "empty", pg),
            ServiceEntry.headless("default", "tolerant", pg).withPublishNotReadyAddresses(true),
            ServiceEntry.externalName("default", "ext", "www.example.test"),
            ServiceEntry.externalName("default", "alias", "web.default.svc.cluster.local"),
            ServiceEntry.headless("default", "big", http),
            ServiceEntry.clusterIp("other", "web", "10.96.0.30", http));
    List<EndpointEntry> big = new ArrayList<>();
    for (int i = 0; i < BIG_ENDPOINTS; i++) {
      big.add(EndpointEntry.ready("10.2.0." + (i + 1), "big-" + i, http));
    }
    List<EndpointSliceEntry> slices =
        List.of(
            new EndpointSliceEntry(
                "default",
                "db-abc",
                "db",
                List.of(
                    EndpointEntry.ready("10.1.0.1", "db-0", pg),
                    EndpointEntry.ready("10.1.0.2", "db-1", pg))),
            new EndpointSliceEntry(
                "default",
                "db-def",
                "db",
                List.of(
                    EndpointEntry.notReady("10.1.0.3", "db-2", pg),
                    EndpointEntry.ready("10.1.0.4", null, pg))),
            new EndpointSliceEntry(
                "default",
                "empty-1",
                "empty",
                List.of(EndpointEntry.notReady("10.1.1.1", "e-0", pg))),
            new EndpointSliceEntry(
                "default",
                "tolerant-1",
                "tolerant",
                List.of(EndpointEntry.notReady("10.1.2.1", "t-0", pg))),
            new EndpointSliceEntry("default", "big-1", "big", big));
    return new ClusterSnapshot(
        services, slices, List.of(PodEntry.of("default", "client", "10.244.0.5")));
  }
}

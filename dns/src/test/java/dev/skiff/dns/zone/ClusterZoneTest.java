package dev.skiff.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class ClusterZoneTest {
  private final ClusterZone zone = new ClusterZone(ZoneOptions.defaults());
  private static final PortEntry HTTP = new PortEntry("http", "TCP", 80);

  @AfterEach
  void close() {
    zone.close();
  }

  private ZoneAnswer.Kind kind(String name) {
    zone.flush().join();
    return zone.index().lookup(Name.fromConstantString(name), Type.A).kind();
  }

  @Test
  void isNotSyncedUntilTheSourceSaysSo() {
    zone.upsertService(ServiceEntry.clusterIp("default", "web", "10.96.0.20", HTTP));
    assertThat(kind("web.default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.ANSWER);
    assertThat(zone.synced()).isFalse();
    zone.markSynced();
    zone.flush().join();
    assertThat(zone.synced()).isTrue();
  }

  @Test
  void removesRecordsWhenTheServiceIsDeleted() {
    zone.upsertService(ServiceEntry.clusterIp("default", "web", "10.96.0.20", HTTP));
    assertThat(kind("web.default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.ANSWER);
    zone.deleteService(new ZoneKey("default", "web"));
    assertThat(kind("web.default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.NXDOMAIN);
    assertThat(kind("default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.NXDOMAIN);
  }

  @Test
  void headlessServiceFollowsItsEndpointSlices() {
    zone.upsertService(ServiceEntry.headless("default", "db", HTTP));
    assertThat(kind("db.default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.NXDOMAIN);
    EndpointSliceEntry slice =
        new EndpointSliceEntry(
            "default", "db-1", "db", List.of(EndpointEntry.ready("10.1.0.1", "db-0", HTTP)));
    zone.upsertEndpointSlice(slice);
    assertThat(kind("db-0.db.default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.ANSWER);
    zone.upsertEndpointSlice(
        new EndpointSliceEntry(
            "default", "db-1", "db", List.of(EndpointEntry.notReady("10.1.0.1", "db-0", HTTP))));
    assertThat(kind("db.default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.NXDOMAIN);
    zone.upsertEndpointSlice(slice);
    zone.deleteEndpointSlice(slice.key());
    assertThat(kind("db.default.svc.cluster.local.")).isEqualTo(ZoneAnswer.Kind.NXDOMAIN);
  }

  @Test
  void versionGrowsWithEveryPublishedChange() {
    long before = zone.index().version();
    zone.upsertService(ServiceEntry.clusterIp("default", "web", "10.96.0.20", HTTP));
    zone.flush().join();
    assertThat(zone.index().version()).isGreaterThan(before);
  }
}

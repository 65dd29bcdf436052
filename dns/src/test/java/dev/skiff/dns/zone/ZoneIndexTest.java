package dev.skiff.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.testing.SampleCluster;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class ZoneIndexTest {
  private static ClusterZone zone;

  @BeforeAll
  static void load() {
    zone = ClusterZone.of(ZoneOptions.defaults(), SampleCluster.snapshot());
  }

  @AfterAll
  static void close() {
    zone.close();
  }

  static ZoneAnswer lookup(String name, String type) {
    return zone.index().lookup(Name.fromConstantString(name), Type.value(type));
  }

  static List<String> rdata(List<Record> records) {
    return records.stream().map(Record::rdataToString).sorted().toList();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "web.default.svc.cluster.local.       | A     | 10.96.0.20",
        "WEB.Default.SVC.Cluster.LOCAL.       | A     | 10.96.0.20",
        "web.other.svc.cluster.local.         | A     | 10.96.0.30",
        "dual.default.svc.cluster.local.      | A     | 10.96.0.21",
        "dual.default.svc.cluster.local.      | AAAA  | fd00:10:96:0:0:0:0:21",
        "_http._tcp.web.default.svc.cluster.local. | SRV | 0 100 80 web.default.svc.cluster.local.",
        "_dns._udp.kube-dns.kube-system.svc.cluster.local. | SRV | 0 100 53 kube-dns.kube-system.svc.cluster.local.",
        "20.0.96.10.in-addr.arpa.             | PTR   | web.default.svc.cluster.local.",
        "1.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa. | PTR | dual.default.svc.cluster.local.",
        "db.default.svc.cluster.local.        | A     | 10.1.0.1;10.1.0.2;10.1.0.4",
        "db-0.db.default.svc.cluster.local.   | A     | 10.1.0.1",
        "10-1-0-4.db.default.svc.cluster.local. | A   | 10.1.0.4",
        "_pg._tcp.db.default.svc.cluster.local. | SRV | 0 100 5432 10-1-0-4.db.default.svc.cluster.local.;0 100 5432 db-0.db.default.svc.cluster.local.;0 100 5432 db-1.db.default.svc.cluster.local.",
        "1.0.1.10.in-addr.arpa.               | PTR   | db-0.db.default.svc.cluster.local.",
        "tolerant.default.svc.cluster.local.  | A     | 10.1.2.1",
        "ext.default.svc.cluster.local.       | A     | www.example.test.",
        "ext.default.svc.cluster.local.       | CNAME | www.example.test.",
        "dns-version.cluster.local.           | TXT   | \"1.1.0\"",
        "ns.dns.cluster.local.                | A     | 10.96.0.10",
        "cluster.local.                       | NS    | ns.dns.cluster.local.",
        "10-244-0-5.default.pod.cluster.local. | A    | 10.244.0.5",
        "10-9-8-7.anyns.pod.cluster.local.    | A     | 10.9.8.7",
        "fd00--1.default.pod.cluster.local.   | AAAA  | fd00:0:0:0:0:0:0:1",
      })
  void answersWithTheSpecifiedRecords(String name, String type, String expected) {
    ZoneAnswer answer = lookup(name.trim(), type.trim());
    assertThat(answer.kind()).isEqualTo(ZoneAnswer.Kind.ANSWER);
    assertThat(rdata(answer.answers())).containsExactly(expected.trim().split(";"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nosuch.default.svc.cluster.local.     | A    | NXDOMAIN",
        "web.nosuchns.svc.cluster.local.       | A    | NXDOMAIN",
        "nosuchns.svc.cluster.local.           | A    | NXDOMAIN",
        "empty.default.svc.cluster.local.      | A    | NXDOMAIN",
        "_pg._tcp.empty.default.svc.cluster.local. | SRV | NXDOMAIN",
        "db-2.db.default.svc.cluster.local.    | A    | NXDOMAIN",
        "_nope._tcp.web.default.svc.cluster.local. | SRV | NXDOMAIN",
        "x.web.default.svc.cluster.local.      | A    | NXDOMAIN",
        "web.default.svc.cluster.local.default.svc.cluster.local. | A | NXDOMAIN",
        "web.default.default.svc.cluster.local. | A   | NXDOMAIN",
        "web.cluster.local.                    | A    | NXDOMAIN",
        "not-an-ip.default.pod.cluster.local.  | A    | NXDOMAIN",
        "a.b.10-1-2-3.default.pod.cluster.local. | A  | NXDOMAIN",
        "web.default.svc.cluster.local.        | AAAA | NODATA",
        "web.default.svc.cluster.local.        | TXT  | NODATA",
        "_http._tcp.web.default.svc.cluster.local. | A | NODATA",
        "_tcp.web.default.svc.cluster.local.   | SRV  | NODATA",
        "default.svc.cluster.local.            | A    | NODATA",
        "svc.cluster.local.                    | A    | NODATA",
        "cluster.local.                        | A    | NODATA",
        "pod.cluster.local.                    | A    | NODATA",
        "10-244-0-5.default.pod.cluster.local. | AAAA | NODATA",
        "20.0.96.10.in-addr.arpa.              | A    | NODATA",
        "example.com.                          | A    | NOT_AUTHORITATIVE",
        "local.                                | SOA  | NOT_AUTHORITATIVE",
        "99.0.96.10.in-addr.arpa.              | PTR  | NOT_AUTHORITATIVE",
      })
  void givesExactNegatives(String name, String type, String kind) {
    ZoneAnswer answer = lookup(name.trim(), type.trim());
    assertThat(answer.kind()).isEqualTo(ZoneAnswer.Kind.valueOf(kind.trim()));
    assertThat(answer.answers()).isEmpty();
  }

  @Test
  void srvAnswersCarryTheTargetsAddressesAsAdditionalRecords() {
    ZoneAnswer clusterIp = lookup("_http._tcp.web.default.svc.cluster.local.", "SRV");
    assertThat(rdata(clusterIp.additional())).containsExactly("10.96.0.20");
    ZoneAnswer headless = lookup("_pg._tcp.db.default.svc.cluster.local.", "SRV");
    assertThat(rdata(headless.additional())).containsExactly("10.1.0.1", "10.1.0.2", "10.1.0.4");
  }

  @Test
  void recordsCarryTheConfiguredTtl() {
    try (ClusterZone custom =
        ClusterZone.of(ZoneOptions.of("example.internal", 30), SampleCluster.snapshot())) {
      ZoneAnswer answer =
          custom
              .index()
              .lookup(Name.fromConstantString("web.default.svc.example.internal."), Type.A);
      assertThat(answer.answers()).singleElement().extracting(Record::getTTL).isEqualTo(30L);
      assertThat(custom.index().soa().getMinimum()).isEqualTo(30L);
    }
  }

  @Test
  void verifiedPodModeAnswersOnlyKnownPods() {
    try (ClusterZone verified =
        ClusterZone.of(
            ZoneOptions.defaults().withPods(PodMode.VERIFIED), SampleCluster.snapshot())) {
      ZoneIndex index = verified.index();
      assertThat(
              index
                  .lookup(Name.fromConstantString("10-244-0-5.default.pod.cluster.local."), Type.A)
                  .kind())
          .isEqualTo(ZoneAnswer.Kind.ANSWER);
      assertThat(
              index
                  .lookup(Name.fromConstantString("10-244-0-6.default.pod.cluster.local."), Type.A)
                  .kind())
          .isEqualTo(ZoneAnswer.Kind.NXDOMAIN);
      assertThat(
              index
                  .lookup(Name.fromConstantString("10-244-0-5.other.pod.cluster.local."), Type.A)
                  .kind())
          .isEqualTo(ZoneAnswer.Kind.NXDOMAIN);
    }
  }
}

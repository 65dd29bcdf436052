package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.testing.RunningServer;
import dev.skiff.dns.testing.SampleCluster;
import dev.skiff.dns.testing.TestUpstream;
import dev.skiff.testing.Dig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every record type and negative of the specification, asked with dig over UDP and TCP. */
class DigIT {
  static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.sample().server();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "dig {1} {0} +{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "web.default.svc.cluster.local     | A     | notcp | 10.96.0.20",
        "web.default.svc.cluster.local     | A     | tcp   | 10.96.0.20",
        "Web.DEFAULT.svc.Cluster.Local     | A     | notcp | 10.96.0.20",
        "dual.default.svc.cluster.local    | AAAA  | notcp | fd00:10:96::21",
        "dual.default.svc.cluster.local    | AAAA  | tcp   | fd00:10:96::21",
        "db.default.svc.cluster.local      | A     | notcp | 10.1.0.1;10.1.0.2;10.1.0.4",
        "db-1.db.default.svc.cluster.local | A     | tcp   | 10.1.0.2",
        "tolerant.default.svc.cluster.local | A    | notcp | 10.1.2.1",
        "_http._tcp.web.default.svc.cluster.local | SRV | notcp | 0 100 80 web.default.svc.cluster.local.",
        "_pg._tcp.db.default.svc.cluster.local | SRV | tcp | 0 100 5432 10-1-0-4.db.default.svc.cluster.local.;0 100 5432 db-0.db.default.svc.cluster.local.;0 100 5432 db-1.db.default.svc.cluster.local.",
        "ext.default.svc.cluster.local     | CNAME | notcp | www.example.test.",
        "dns-version.cluster.local         | TXT   | tcp   | \"1.1.0\"",
        "10-244-0-5.default.pod.cluster.local | A  | notcp | 10.244.0.5",
      })
  void answersEveryRecordType(String name, String type, String transport, String expected) {
    Dig.Result result = Dig.query(server.port(), "+" + transport.trim(), name.trim(), type.trim());
    assertThat(result.status()).isEqualTo("NOERROR");
    assertThat(result.flags()).contains("aa");
    assertThat(result.answerData()).containsExactlyInAnyOrder(expected.trim().split(";"));
    assertThat(result.answers()).allMatch(r -> r.ttl() == 5);
  }

  @ParameterizedTest(name = "dig -x {0} +{1}")
  @CsvSource({
    "10.96.0.20, notcp, web.default.svc.cluster.local.",
    "10.1.0.1, tcp, db-0.db.default.svc.cluster.local.",
    "fd00:10:96::21, notcp, dual.default.svc.cluster.local.",
  })
  void answersPtrForClusterIpsAndHeadlessEndpoints(String ip, String transport, String expected) {
    Dig.Result result = Dig.query(server.port(), "+" + transport, "-x", ip);
    assertThat(result.status()).isEqualTo("NOERROR");
    assertThat(result.answerData()).containsExactly(expected);
  }

  @Test
  void putsSrvTargetAddressesInTheAdditionalSection() {
    Dig.Result result = Dig.query(server.port(), "_http._tcp.web.default.svc.cluster.local", "SRV");
    assertThat(result.additional())
        .extracting(Dig.Record::data)
        .containsExactly(SampleCluster.WEB_IP);
  }

  @Test
  void followsExternalNameCnameToTheUpstreamAddress() {
    Dig.Result result = Dig.query(server.port(), "ext.default.svc.cluster.local", "A");
    assertThat(result.answerData()).containsExactly("www.example.test.", TestUpstream.WWW_IP);
  }

  @ParameterizedTest(name = "dig {1} {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nosuch.default.svc.cluster.local   | A    | NXDOMAIN",
        "web.nosuchns.svc.cluster.local     | A    | NXDOMAIN",
        "empty.default.svc.cluster.local    | A    | NXDOMAIN",
        "db-2.db.default.svc.cluster.local  | A    | NXDOMAIN",
        "_nope._tcp.web.default.svc.cluster.local | SRV | NXDOMAIN",
        "web.default.svc.cluster.local      | AAAA | NOERROR",
        "web.default.svc.cluster.local      | MX   | NOERROR",
        "default.svc.cluster.local          | A    | NOERROR",
      })
  void givesExactNegatives(String name, String type, String status) {
    for (String transport : List.of("+notcp", "+tcp")) {
      Dig.Result result = Dig.query(server.port(), transport, name.trim(), type.trim());
      assertThat(result.status()).isEqualTo(status.trim());
      assertThat(result.answers()).isEmpty();
      assertThat(result.flags()).contains("aa");
    }
  }

  @Test
  void setsTcOverUdpAndAnswersEverythingOverTcp() {
    Dig.Result truncated =
        Dig.query(server.port(), "+noedns", "+ignore", "big.default.svc.cluster.local", "A");
    assertThat(truncated.flags()).contains("tc");
    assertThat(truncated.answers()).hasSizeLessThan(SampleCluster.BIG_ENDPOINTS);
    Dig.Result retried = Dig.query(server.port(), "+noedns", "big.default.svc.cluster.local", "A");
    assertThat(retried.flags()).doesNotContain("tc");
    assertThat(retried.answers()).hasSize(SampleCluster.BIG_ENDPOINTS);
    Dig.Result tcp = Dig.query(server.port(), "+tcp", "big.default.svc.cluster.local", "A");
    assertThat(tcp.answers()).hasSize(SampleCluster.BIG_ENDPOINTS);
  }

  @Test
  void answersWithinTheClientsEdnsBufferSize() {
    Dig.Result small =
        Dig.query(server.port(), "+bufsize=512", "+ignore", "big.default.svc.cluster.local", "A");
    assertThat(small.flags()).contains("tc");
    Dig.Result large =
        Dig.query(server.port(), "+bufsize=4096", "+ignore", "big.default.svc.cluster.local", "A");
    assertThat(large.flags()).doesNotContain("tc");
    assertThat(large.answers()).hasSize(SampleCluster.BIG_ENDPOINTS);
  }
}

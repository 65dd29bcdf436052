package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.testing.DnsClient;
import dev.skiff.dns.testing.RunningServer;
import dev.skiff.dns.testing.SampleCluster;
import dev.skiff.dns.testing.TestUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The server in this JVM, fed a sample cluster, queried with dnsjava over UDP and TCP. */
class DnsServerIT {
  static RunningServer server;
  static TestUpstream upstream;
  static int port;

  @BeforeAll
  static void start() {
    RunningServer.Sample sample = RunningServer.sample();
    server = sample.server();
    upstream = sample.upstream();
    port = server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static DnsClient client(String transport) {
    return transport.equals("udp") ? DnsClient.udp(port) : DnsClient.tcp(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void resolvesClusterIpServiceToItsClusterIp(String transport) {
    Message response = client(transport).query("web.default.svc.cluster.local", Type.A);
    assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(DnsClient.answers(response)).containsExactly(SampleCluster.WEB_IP);
    assertThat(response.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(5L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void answersSrvWithTargetAddressesInTheAdditionalSection(String transport) {
    Message response = client(transport).query("_pg._tcp.db.default.svc.cluster.local", Type.SRV);
    assertThat(DnsClient.answers(response))
        .containsExactlyInAnyOrder(
            "0 100 5432 db-0.db.default.svc.cluster.local.",
            "0 100 5432 db-1.db.default.svc.cluster.local.",
            "0 100 5432 10-1-0-4.db.default.svc.cluster.local.");
    assertThat(
            response.getSection(Section.ADDITIONAL).stream()
                .filter(r -> r.getType() == Type.A)
                .map(r -> r.rdataToString()))
        .containsExactlyInAnyOrder("10.1.0.1", "10.1.0.2", "10.1.0.4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void givesNxdomainAndNodataWithTheZoneSoa(String transport) {
    Message nx = client(transport).query("nosuch.default.svc.cluster.local", Type.A);
    assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(nx.getSection(Section.AUTHORITY))
        .singleElement()
        .matches(r -> r.getType() == Type.SOA);
    Message nodata = client(transport).query("web.default.svc.cluster.local", Type.AAAA);
    assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
    assertThat(nodata.getSection(Section.AUTHORITY))
        .singleElement()
        .matches(r -> r.getType() == Type.SOA);
  }

  @Test
  void setsTruncationOverUdpAndAnswersEverythingOverTcp() {
    Message udp = DnsClient.udpNoRetry(port).query("big.default.svc.cluster.local", Type.A);
    assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(udp.getSection(Section.ANSWER)).hasSizeLessThan(SampleCluster.BIG_ENDPOINTS);
    Message tcp = DnsClient.tcp(port).query("big.default.svc.cluster.local", Type.A);
    assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(tcp.getSection(Section.ANSWER)).hasSize(SampleCluster.BIG_ENDPOINTS);
  }

  @Test
  void honoursTheClientsEdnsPayloadSize() {
    Message response =
        DnsClient.udpWithEdns(port, 4096).query("big.default.svc.cluster.local", Type.A);
    assertThat(response.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(response.getSection(Section.ANSWER)).hasSize(SampleCluster.BIG_ENDPOINTS);
    assertThat(response.getOPT()).isNotNull();
  }

  @Test
  void forwardsOtherNamesToTheUpstreamAndCachesTheAnswer() {
    for (int i = 0; i < 3; i++) {
      Message response = DnsClient.udp(port).query("host-cached.example.test", Type.A);
      assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(DnsClient.answers(response)).containsExactly(TestUpstream.WWW_IP);
      assertThat(response.getHeader().getFlag(Flags.AA)).isFalse();
    }
    assertThat(upstream.queries("host-cached.example.test.")).isEqualTo(1);
  }

  @Test
  void cachesUpstreamNegativeAnswers() {
    for (int i = 0; i < 3; i++) {
      Message response = DnsClient.tcp(port).query("missing.example.test", Type.A);
      assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }
    assertThat(upstream.queries("missing.example.test.")).isEqualTo(1);
  }

  @Test
  void retriesTruncatedUpstreamAnswersOverTcp() {
    Message response = DnsClient.tcp(port).query("big.example.test", Type.TXT);
    assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(response.getSection(Section.ANSWER)).hasSize(TestUpstream.BIG_RECORDS);
    assertThat(upstream.queries("big.example.test.")).isEqualTo(2); // UDP (TC), then TCP
  }

  @Test
  void neverForwardsNamesOfTheClusterDomain() {
    int before = upstream.totalQueries();
    for (String name :
        List.of(
            "nosuch.default.svc.cluster.local",
            "web.default.svc.cluster.local.default.svc.cluster.local",
            "a.b.c.cluster.local",
            "cluster.local")) {
      Message response = DnsClient.udp(port).query(name, Type.A);
      assertThat(response.getRcode()).isIn(Rcode.NXDOMAIN, Rcode.NOERROR);
    }
    assertThat(upstream.totalQueries()).isEqualTo(before);
  }

  @Test
  void chasesExternalNameCnamesThroughTheUpstream() {
    Message response = DnsClient.udp(port).query("ext.default.svc.cluster.local", Type.A);
    assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(DnsClient.answers(response, Type.CNAME)).containsExactly("www.example.test.");
    assertThat(DnsClient.answers(response, Type.A)).containsExactly(TestUpstream.WWW_IP);
  }

  @Test
  void chasesCnamesInsideTheZone() {
    Message response = DnsClient.udp(port).query("alias.default.svc.cluster.local", Type.A);
    assertThat(DnsClient.answers(response, Type.CNAME))
        .containsExactly("web.default.svc.cluster.local.");
    assertThat(DnsClient.answers(response, Type.A)).containsExactly(SampleCluster.WEB_IP);
    assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
  }

  @Test
  void answersOtherEdnsVersionsWithBadvers() {
    Message query =
        Message.newQuery(
            org.xbill.DNS.Record.newRecord(
                org.xbill.DNS.Name.fromConstantString("web.default.svc.cluster.local."),
                Type.A,
                1));
    query.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 1), Section.ADDITIONAL);
    Message response = DnsClient.udpNoRetry(port).send(query);
    assertThat(response.getRcode()).isEqualTo(Rcode.BADVERS);
  }
}

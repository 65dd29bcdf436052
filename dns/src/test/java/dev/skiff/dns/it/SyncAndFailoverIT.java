package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.dns.source.ZoneSource;
import dev.skiff.dns.testing.DnsClient;
import dev.skiff.dns.testing.RunningServer;
import dev.skiff.dns.testing.SampleCluster;
import dev.skiff.dns.testing.TestUpstream;
import dev.skiff.dns.zone.ClusterZone;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class SyncAndFailoverIT {
  private final Vertx vertx = RunningServer.newVertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void answersServfailNeverNxdomainUntilTheSourceHasSynced() {
    TestUpstream upstream = TestUpstream.start(vertx, false);
    RunningServer server =
        RunningServer.start(
            vertx, ZoneSource.manual(), List.of(upstream.address()), Duration.ofSeconds(1));
    DnsClient client = DnsClient.udp(server.port());
    assertThat(client.query("web.default.svc.cluster.local", Type.A).getRcode())
        .isEqualTo(Rcode.SERVFAIL);
    assertThat(client.query("nosuch.default.svc.cluster.local", Type.A).getRcode())
        .isEqualTo(Rcode.SERVFAIL);
    assertThat(client.query("www.example.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);

    ClusterZone zone = server.server.zone();
    SampleCluster.snapshot().services().forEach(zone::upsertService);
    zone.markSynced();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> client.query("web.default.svc.cluster.local", Type.A).getRcode() == 0);
    assertThat(client.query("nosuch.default.svc.cluster.local", Type.A).getRcode())
        .isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void movesToTheNextUpstreamWhenOneDoesNotAnswer() {
    TestUpstream silent = TestUpstream.start(vertx, true);
    TestUpstream upstream = TestUpstream.start(vertx, false);
    RunningServer server =
        RunningServer.start(
            vertx,
            ZoneSource.of(SampleCluster.snapshot()),
            List.of(silent.address(), upstream.address()),
            Duration.ofMillis(300));
    Message response = DnsClient.tcp(server.port()).query("www.example.test", Type.A);
    assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(DnsClient.answers(response)).containsExactly(TestUpstream.WWW_IP);
    assertThat(silent.queries("www.example.test.")).isEqualTo(1);
  }

  @Test
  void answersServfailWhenNoUpstreamAnswers() {
    TestUpstream silent = TestUpstream.start(vertx, true);
    RunningServer server =
        RunningServer.start(
            vertx,
            ZoneSource.of(SampleCluster.snapshot()),
            List.of(silent.address()),
            Duration.ofMillis(200));
    Message response = DnsClient.tcp(server.port()).query("www.example.test", Type.A);
    assertThat(response.getRcode()).isEqualTo(Rcode.SERVFAIL);
  }
}

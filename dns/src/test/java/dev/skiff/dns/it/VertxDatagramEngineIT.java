package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.dns.server.UdpEngine;
import dev.skiff.dns.testing.DnsClient;
import dev.skiff.dns.testing.RunningServer;
import dev.skiff.dns.testing.SampleCluster;
import dev.skiff.dns.testing.TestUpstream;
import dev.skiff.testing.Dig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/** The same server with UDP through Vert.x's DatagramSocket instead of the Netty endpoint. */
class VertxDatagramEngineIT {
  static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.sample(UdpEngine.VERTX_DATAGRAM_SOCKET).server();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void answersClusterAndForwardedNamesOverUdp() {
    assertThat(Dig.query(server.port(), "+notcp", "web.default.svc.cluster.local").answerData())
        .containsExactly(SampleCluster.WEB_IP);
    assertThat(Dig.query(server.port(), "+notcp", "www.example.test").answerData())
        .containsExactly(TestUpstream.WWW_IP);
  }

  @Test
  void truncatesOverUdp() {
    Message response =
        DnsClient.udpNoRetry(server.port()).query("big.default.svc.cluster.local", Type.A);
    assertThat(response.getHeader().getFlag(Flags.TC)).isTrue();
  }
}

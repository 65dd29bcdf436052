package dev.skiff.dns.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.dns.source.ZoneSource;
import dev.skiff.dns.testing.DnsClient;
import dev.skiff.dns.testing.RunningServer;
import dev.skiff.dns.testing.SampleCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Thousands of random and mutated packets over real sockets; the server keeps answering. */
class PacketFuzzIT {
  static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.start(
            RunningServer.newVertx(),
            ZoneSource.of(SampleCluster.snapshot()),
            List.of(),
            Duration.ofMillis(100));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void keepsAnsweringAfterGarbageOverUdpAndTcp() throws IOException {
    Random random = new Random(1234);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    byte[] valid =
        Message.newQuery(
                Record.newRecord(
                    Name.fromConstantString("web.default.svc.cluster.local."), Type.A, DClass.IN))
            .toWire();
    try (DatagramSocket socket = new DatagramSocket()) {
      for (int i = 0; i < 5_000; i++) {
        byte[] packet;
        if (i % 2 == 0) {
          packet = new byte[random.nextInt(1500)];
          random.nextBytes(packet);
        } else {
          packet = valid.clone();
          for (int j = 0; j < 1 + random.nextInt(6); j++) {
            packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
          }
        }
        socket.send(new DatagramPacket(packet, packet.length, loopback, server.port()));
      }
    }
    for (int i = 0; i < 200; i++) {
      try (Socket tcp = new Socket(loopback, server.port())) {
        OutputStream out = tcp.getOutputStream();
        byte[] garbage = new byte[random.nextInt(300)];
        random.nextBytes(garbage);
        out.write(garbage);
        out.flush();
      }
    }
    // A flood may overflow the socket's queue and lose datagrams, as UDP does; clients retry.
    // What must hold: the server is still up and answers correctly on both transports.
    for (DnsClient client : List.of(DnsClient.udp(server.port()), DnsClient.tcp(server.port()))) {
      await()
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                Message response = client.query("web.default.svc.cluster.local", Type.A);
                assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
                assertThat(DnsClient.answers(response)).containsExactly(SampleCluster.WEB_IP);
              });
    }
  }
}

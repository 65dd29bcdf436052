package dev.skiff.proxy.dataplane;

import static dev.skiff.proxy.support.ProxyFixture.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.metrics.EndpointStats;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.Protocol;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.support.ProxyFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpForwardingIT {
  private static final ServicePortName DNS = new ServicePortName("kube-system", "dns", "dns");
  private static final String CLUSTER_IP = "127.10.200.10";

  private final ProxyFixture fx = new ProxyFixture();

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  @Test
  void echoesThroughTheClusterIPAndEndsIdleFlows() throws Exception {
    int echoPort = echo("127.0.2.1", "echo:");
    UserspaceDataPlane plane =
        fx.plane(ProxyOptions.forNode("n1", List.of()).withUdpIdleTimeout(Duration.ofMillis(300)));
    sync(plane, dns(BackendEndpoint.of("127.0.2.1", echoPort)));

    try (java.net.DatagramSocket client = client()) {
      for (int i = 0; i < 3; i++) {
        assertThat(exchange(client, "hello " + i)).isEqualTo("echo:hello " + i);
      }
    }
    EndpointStats stats = fx.metrics.service(DNS.toString()).endpoint("127.0.2.1:" + echoPort);
    assertThat(stats.connections()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> stats.active() == 0);
  }

  @Test
  void flowsMoveWhenTheirEndpointIsRemoved() throws Exception {
    int oldPort = echo("127.0.2.1", "old:");
    int newPort = echo("127.0.2.2", "new:");
    UserspaceDataPlane plane = fx.plane(ProxyOptions.forNode("n1", List.of()));
    sync(plane, dns(BackendEndpoint.of("127.0.2.1", oldPort)));

    try (java.net.DatagramSocket client = client()) {
      assertThat(exchange(client, "q1")).isEqualTo("old:q1");
      sync(plane, dns(BackendEndpoint.of("127.0.2.2", newPort)));
      EndpointStats old = fx.metrics.service(DNS.toString()).endpoint("127.0.2.1:" + oldPort);
      await().atMost(Duration.ofSeconds(5)).until(() -> old.active() == 0);
      assertThat(exchange(client, "q2")).isEqualTo("new:q2");
    }
  }

  private int echo(String ip, String prefix) throws Exception {
    DatagramSocket echo = fx.vertx.createDatagramSocket();
    echo.handler(
        p ->
            echo.send(
                Buffer.buffer(prefix).appendBuffer(p.data()),
                p.sender().port(),
                p.sender().host()));
    echo.listen(0, ip).await(10, TimeUnit.SECONDS);
    fx.closeLater(() -> echo.close().await(10, TimeUnit.SECONDS));
    return echo.localAddress().port();
  }

  private static Snapshot dns(BackendEndpoint endpoint) {
    return Snapshot.of(
        ProxyServicePort.builder(DNS)
            .protocol(Protocol.UDP)
            .clusterIP(CLUSTER_IP)
            .port(53)
            .endpoints(endpoint)
            .build());
  }

  private static java.net.DatagramSocket client() throws Exception {
    java.net.DatagramSocket client =
        new java.net.DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
    client.setSoTimeout(3000);
    return client;
  }

  private static String exchange(java.net.DatagramSocket client, String text) throws Exception {
    byte[] out = text.getBytes(StandardCharsets.UTF_8);
    client.send(
        new DatagramPacket(
            out, out.length, new InetSocketAddress(InetAddress.getByName(CLUSTER_IP), 53)));
    DatagramPacket in = new DatagramPacket(new byte[512], 512);
    client.receive(in);
    assertThat(in.getAddress().getHostAddress()).isEqualTo(CLUSTER_IP);
    assertThat(in.getPort()).isEqualTo(53);
    return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
  }
}

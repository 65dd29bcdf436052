package dev.skiff.proxy.dataplane;

import static dev.skiff.proxy.support.ProxyFixture.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.metrics.EndpointStats;
import dev.skiff.proxy.model.Endpoint;
import dev.skiff.proxy.model.Protocol;
import dev.skiff.proxy.model.ServicePort;
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
    DatagramSocket echo = fx.vertx.createDatagramSocket();
    echo.handler(
        p ->
            echo.send(
                Buffer.buffer("echo:").appendBuffer(p.data()),
                p.sender().port(),
                p.sender().host()));
    echo.listen(0, "127.0.2.1").await(10, TimeUnit.SECONDS);
    int echoPort = echo.localAddress().port();
    UserspaceDataPlane plane =
        fx.plane(ProxyOptions.forNode("n1", List.of()).withUdpIdleTimeout(Duration.ofMillis(300)));
    sync(
        plane,
        Snapshot.of(
            ServicePort.builder(DNS)
                .protocol(Protocol.UDP)
                .clusterIP(CLUSTER_IP)
                .port(53)
                .endpoints(Endpoint.of("127.0.2.1", echoPort))
                .build()));

    try (java.net.DatagramSocket client =
        new java.net.DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      client.setSoTimeout(3000);
      for (int i = 0; i < 3; i++) {
        assertThat(exchange(client, "hello " + i)).isEqualTo("echo:hello " + i);
      }
    }
    EndpointStats stats = fx.metrics.service(DNS.toString()).endpoint("127.0.2.1:" + echoPort);
    assertThat(stats.connections()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> stats.active() == 0);
    echo.close().await(10, TimeUnit.SECONDS);
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

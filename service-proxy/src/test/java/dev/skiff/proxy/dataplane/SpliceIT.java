package dev.skiff.proxy.dataplane;

import static dev.skiff.proxy.support.Clients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skiff.proxy.ProxyOptions;
import dev.skiff.proxy.metrics.EndpointStats;
import dev.skiff.proxy.model.Endpoint;
import dev.skiff.proxy.model.ServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.support.ProxyFixture;
import dev.skiff.proxy.support.TestBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The splice(2) path of the TCP relay ({@link ProxyOptions#splice()}), against real sockets. */
class SpliceIT {
  private static final ServicePortName WEB = new ServicePortName("default", "bulk", "data");
  private static final String CLUSTER_IP = "127.10.201.1";

  private final ProxyFixture fx = new ProxyFixture();

  @AfterEach
  void stop() throws Exception {
    fx.close();
  }

  @Test
  void splicedStreamsArriveIntactBothWaysAndAreCounted() throws Exception {
    TestBackend echo = fx.backend("echo", "127.0.2.1", 0);
    serve(ProxyOptions.forNode("n1", List.of()).withSplice(true), echo);
    byte[] sent = new byte[24 << 20];
    new Random(42).nextBytes(sent);

    byte[] got;
    try (Socket s = connect(null, CLUSTER_IP, 80)) {
      s.setSoTimeout(20_000);
      Thread writer = writeThenHalfClose(s, sent);
      InputStream in = s.getInputStream();
      assertThat(new String(in.readNBytes("echo\n".length()))).isEqualTo("echo\n");
      got = in.readNBytes(sent.length);
      assertThat(in.read()).isEqualTo(-1);
      writer.join(10_000);
    }

    assertThat(got).isEqualTo(sent);
    EndpointStats stats = fx.metrics.service(WEB.toString()).endpoint(echo.hostPort());
    await().untilAsserted(() -> assertThat(stats.bytesToEndpoint()).isEqualTo(sent.length));
    assertThat(stats.bytesFromEndpoint()).isEqualTo(sent.length + "echo\n".length());
  }

  @Test
  void bulkStreamGoesThroughAPipeThatClosesWithTheConnection() throws Exception {
    long pipesBefore = openPipes();
    TestBackend stuck = fx.closeLater(TestBackend.start(fx.vertx, "stuck", "127.0.2.1", 0, true));
    serve(ProxyOptions.forNode("n1", List.of()).withSplice(true), stuck);

    try (Socket s = connect(null, CLUSTER_IP, 80)) {
      AtomicLong written = new AtomicLong();
      writeUntilClosed(s, written);
      awaitStalled(written);
      assertThat(written.get()).isLessThan(48L << 20);
      assertThat(openPipes()).isEqualTo(pipesBefore + 2); // one pipe: its two ends
    }

    await().untilAsserted(() -> assertThat(openPipes()).isEqualTo(pipesBefore));
  }

  @Test
  void copiesWithoutAPipeWhenSpliceIsOff() throws Exception {
    long pipesBefore = openPipes();
    TestBackend stuck = fx.closeLater(TestBackend.start(fx.vertx, "stuck", "127.0.2.1", 0, true));
    serve(ProxyOptions.forNode("n1", List.of()), stuck);

    try (Socket s = connect(null, CLUSTER_IP, 80)) {
      AtomicLong written = new AtomicLong();
      writeUntilClosed(s, written);
      awaitStalled(written);
      assertThat(openPipes()).isEqualTo(pipesBefore);
    }
  }

  private void serve(ProxyOptions options, TestBackend backend) throws Exception {
    ServicePort port =
        ServicePort.builder(WEB)
            .clusterIP(CLUSTER_IP)
            .port(80)
            .endpoints(Endpoint.of(backend.ip, backend.port))
            .build();
    ProxyFixture.sync(fx.plane(options), Snapshot.of(port));
  }

  private static Thread writeThenHalfClose(Socket s, byte[] bytes) {
    Thread writer =
        new Thread(
            () -> {
              try {
                OutputStream out = s.getOutputStream();
                for (int off = 0; off < bytes.length; off += 1 << 20) {
                  out.write(bytes, off, Math.min(1 << 20, bytes.length - off));
                }
                s.shutdownOutput();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    return writer;
  }

  private static void writeUntilClosed(Socket s, AtomicLong written) {
    Thread writer =
        new Thread(
            () -> {
              byte[] chunk = new byte[256 * 1024];
              try {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 512; i++) {
                  out.write(chunk);
                  written.addAndGet(chunk.length);
                }
              } catch (IOException closed) {
                // the test closes the socket to end the writer
              }
            });
    writer.setDaemon(true);
    writer.start();
  }

  /** Waits until the writer made no progress for one poll interval (the proxy stopped reading). */
  private static void awaitStalled(AtomicLong written) {
    long[] last = {-1};
    await()
        .pollInterval(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              long now = written.get();
              boolean stalled = now == last[0] && now > 0;
              last[0] = now;
              return stalled;
            });
  }

  /** File descriptors of this JVM that are pipe ends. */
  private static long openPipes() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(SpliceIT::isPipe).count();
    }
  }

  private static boolean isPipe(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().startsWith("pipe:");
    } catch (IOException gone) {
      return false; // closed while listing
    }
  }
}

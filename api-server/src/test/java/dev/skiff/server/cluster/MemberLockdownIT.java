package dev.skiff.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import io.vertx.core.Future;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.NodeInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What another local user can reach of a replica's ports: a Hazelcast client that knows the address
 * and the cluster name gets no connection, the name is not logged, and the event bus listens on the
 * member's address only.
 */
class MemberLockdownIT {
  private final String name = "lockdown-" + UUID.randomUUID();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private int port;
  private ClusteredVertx replica;

  @BeforeEach
  void start() throws Exception {
    originalErr = System.err;
    System.setErr(new PrintStream(new TeeStream(originalErr, log), true, StandardCharsets.UTF_8));
    port = freePort();
    ClusterSettings settings =
        ClusterSettings.defaults()
            .withClusterName(name)
            .withPort(port)
            .withMembers(List.of("127.0.0.1:" + port));
    replica = await(ClusteredVertx.start(HazelcastConfigs.replica(settings)));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      await(replica.close());
    } finally {
      System.setErr(originalErr);
    }
  }

  @Test
  void aClientThatKnowsTheAddressAndTheClusterNameIsRefused() {
    ClientConfig client = new ClientConfig().setClusterName(name);
    client.getNetworkConfig().addAddress("127.0.0.1:" + port).setConnectionTimeout(2_000);
    client
        .getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(5_000);
    client.setProperty("hazelcast.logging.type", "slf4j");

    long start = System.nanoTime();
    assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client).shutdown())
        .isInstanceOf(IllegalStateException.class);
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
  }

  @Test
  void theClusterNameIsNeverLogged() {
    assertThat(log.toString(StandardCharsets.UTF_8))
        .as("the member logged its start")
        .contains("com.hazelcast")
        .doesNotContain(name);
  }

  @Test
  void theEventBusListensOnTheMemberAddressOnly() throws IOException {
    NodeInfo node = ((VertxInternal) replica.vertx()).clusterManager().getNodeInfo();
    assertThat(node.host()).isEqualTo("127.0.0.1");

    // Another address of this machine: 127.0.0.2 reaches a socket bound to every address (the
    // wildcard) but not one bound to 127.0.0.1 alone, and every Linux machine has it.
    InetAddress other = InetAddress.getByName("127.0.0.2");
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, node.port()), 2_000))
          .isInstanceOf(IOException.class);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Writes to the real stream and keeps a copy. */
  private static final class TeeStream extends java.io.OutputStream {
    private final PrintStream out;
    private final ByteArrayOutputStream copy;

    TeeStream(PrintStream out, ByteArrayOutputStream copy) {
      this.out = out;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) {
      out.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      out.write(b, off, len);
      copy.write(b, off, len);
    }
  }
}

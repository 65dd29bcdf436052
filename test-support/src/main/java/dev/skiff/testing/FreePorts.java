package dev.skiff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP ports nobody listens on right now (a test binds them soon after, racing nobody else). */
public final class FreePorts {
  private FreePorts() {}

  /** A free TCP port on the loopback address. */
  public static int loopback() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A free TCP port on {@code ip} (one of this machine's addresses, e.g. 127.0.2.9), below the
   * kernel's ephemeral range (32768 and up): a server in another process binds it a moment later,
   * and in between an outgoing connection from {@code ip} could take an ephemeral port as its
   * source port (MultiMachineE2E once lost its API port to a Hazelcast connection that way).
   */
  public static int on(String ip) {
    IOException last = null;
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 10_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(22_000);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
        return port;
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("no free port below 32000 on " + ip, last);
  }
}

package dev.skiff.proxy.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;

/**
 * A TCP backend for tests: greets every connection with its name and a newline, then echoes what it
 * reads. Its Vert.x socket does not half-close: when the client's FIN arrives it closes, dropping
 * the input it still holds while paused (its write queue was full) and so the echoes of it. A test
 * that half-closes and still expects every echo needs an endpoint that finishes echoing first (see
 * {@code TcpForwardingIT.relaysLargeTransfersIntact}).
 */
public final class TestBackend implements AutoCloseable {
  private final NetServer server;
  public final String name;
  public final String ip;
  public final int port;

  private TestBackend(NetServer server, String name, String ip) {
    this.server = server;
    this.name = name;
    this.ip = ip;
    this.port = server.actualPort();
  }

  public static TestBackend start(Vertx vertx, String name, String ip, int port) {
    return start(vertx, name, ip, port, false);
  }

  /** With {@code paused}, the backend greets but never reads (for backpressure tests). */
  public static TestBackend start(Vertx vertx, String name, String ip, int port, boolean paused) {
    NetServer server = vertx.createNetServer().connectHandler(so -> serve(so, name, paused));
    try {
      server.listen(port, ip).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "backend " + name + " cannot listen on " + ip + ":" + port, e);
    }
    return new TestBackend(server, name, ip);
  }

  private static void serve(NetSocket so, String name, boolean paused) {
    so.write(name + "\n");
    if (paused) {
      so.pause();
      return;
    }
    so.handler(
        data -> {
          so.write(data);
          if (so.writeQueueFull()) {
            so.pause();
            so.drainHandler(v -> so.resume());
          }
        });
  }

  public String hostPort() {
    return ip + ":" + port;
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}

package dev.skiff.dns.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/**
 * One UDP socket and (optionally) one TCP server on an event loop, both answering through a shared
 * {@link QueryProcessor}. Several instances bind the same UDP port with SO_REUSEPORT, so the kernel
 * spreads queries over event loops. {@code start()} fails when a bind fails.
 */
public final class DnsListenerVerticle extends VerticleBase {
  static final int TCP_IDLE_SECONDS = 10;
  private static final int EPHEMERAL_ATTEMPTS = 5;

  private final QueryProcessor processor;
  private final String host;
  private final int port;
  private final boolean tcp;
  private UdpEndpoint udp;
  private NetServer server;

  /**
   * @param port the port to bind; 0 picks a free UDP port (then TCP binds the same number)
   * @param tcp whether this instance also serves TCP
   */
  public DnsListenerVerticle(QueryProcessor processor, String host, int port, boolean tcp) {
    this.processor = processor;
    this.host = host;
    this.port = port;
    this.tcp = tcp;
  }

  @Override
  public Future<?> start() {
    return bind(port == 0 ? EPHEMERAL_ATTEMPTS : 1);
  }

  /**
   * Binds UDP, then TCP on the same port number. With port 0 the TCP port may be taken although the
   * UDP one was free: then both are tried again on another free port.
   */
  private Future<Void> bind(int attempts) {
    return UdpEndpoint.bind(context, host, port, processor)
        .compose(
            endpoint -> {
              udp = endpoint;
              return tcp ? listenTcp(endpoint.port()) : Future.<Void>succeededFuture();
            })
        .recover(
            failure -> {
              if (attempts <= 1 || udp == null) {
                return Future.failedFuture(failure);
              }
              Future<Void> closed = udp.close();
              udp = null;
              return closed.transform(c -> bind(attempts - 1));
            });
  }

  /** The UDP port actually bound. */
  public int udpPort() {
    return udp.port();
  }

  private Future<Void> listenTcp(int boundPort) {
    server =
        vertx.createNetServer(
            new NetServerOptions()
                .setHost(host)
                .setPort(boundPort)
                .setIdleTimeout(TCP_IDLE_SECONDS)
                .setTcpNoDelay(true));
    server.connectHandler(socket -> new TcpFraming(socket, processor).start());
    return server.listen().mapEmpty();
  }

  @Override
  public Future<?> stop() {
    Future<Void> udpClosed = udp == null ? Future.succeededFuture() : udp.close();
    Future<Void> tcpClosed = server == null ? Future.succeededFuture() : server.close();
    return Future.join(udpClosed, tcpClosed);
  }
}

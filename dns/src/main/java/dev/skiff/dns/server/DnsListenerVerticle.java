package dev.skiff.dns.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

/**
 * One UDP socket and one TCP server on an event loop, both answering through a shared {@link
 * QueryProcessor}. Several instances bind the same UDP port with SO_REUSEPORT, so the kernel
 * spreads queries over event loops. {@code start()} fails when a bind fails.
 */
public final class DnsListenerVerticle extends VerticleBase {
  static final int SOCKET_BUFFER = 4 * 1024 * 1024;
  static final int TCP_IDLE_SECONDS = 10;
  private static final int EPHEMERAL_ATTEMPTS = 5;

  private final QueryProcessor processor;
  private final String host;
  private final int port;
  private final boolean tcp;
  private DatagramSocket udp;
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
    DatagramSocketOptions options =
        new DatagramSocketOptions()
            .setReuseAddress(true)
            .setReceiveBufferSize(SOCKET_BUFFER)
            .setSendBufferSize(SOCKET_BUFFER);
    options.setReusePort(vertx.isNativeTransportEnabled());
    udp = vertx.createDatagramSocket(options);
    udp.handler(this::onPacket);
    return udp.listen(port, host)
        .compose(s -> tcp ? listenTcp(udpPort()).<Void>mapEmpty() : Future.<Void>succeededFuture())
        .recover(
            failure ->
                attempts <= 1
                    ? Future.<Void>failedFuture(failure)
                    : udp.close().transform(closed -> bind(attempts - 1)));
  }

  /** The UDP port actually bound. */
  public int udpPort() {
    return udp.localAddress().port();
  }

  private Future<NetServer> listenTcp(int boundPort) {
    server =
        vertx.createNetServer(
            new NetServerOptions()
                .setHost(host)
                .setPort(boundPort)
                .setIdleTimeout(TCP_IDLE_SECONDS)
                .setTcpNoDelay(true));
    server.connectHandler(this::onConnection);
    return server.listen();
  }

  private void onPacket(DatagramPacket packet) {
    byte[] query = packet.data().getBytes();
    SocketAddress sender = packet.sender();
    byte[] cached = processor.cached(query);
    if (cached != null) {
      udp.send(Buffer.buffer(cached), sender.port(), sender.host());
      return;
    }
    processor
        .process(query, Transport.UDP)
        .onSuccess(
            response -> {
              if (response != null) {
                udp.send(Buffer.buffer(response), sender.port(), sender.host());
              }
            });
  }

  private void onConnection(NetSocket socket) {
    new TcpFraming(socket, processor).start();
  }

  @Override
  public Future<?> stop() {
    Future<Void> udpClosed = udp == null ? Future.succeededFuture() : udp.close();
    Future<Void> tcpClosed = server == null ? Future.succeededFuture() : server.close();
    return Future.join(udpClosed, tcpClosed);
  }
}

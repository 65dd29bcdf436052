package dev.skiff.dns.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.SocketAddress;

/** UDP through Vert.x's DatagramSocket ({@link UdpEngine#VERTX_DATAGRAM_SOCKET}). */
final class VertxUdpEndpoint implements UdpEndpoint {
  private final DatagramSocket socket;
  private final QueryProcessor processor;

  private VertxUdpEndpoint(DatagramSocket socket, QueryProcessor processor) {
    this.socket = socket;
    this.processor = processor;
  }

  static Future<UdpEndpoint> bind(Vertx vertx, String host, int port, QueryProcessor processor) {
    // No receive buffer size: Vert.x would also use it as the size of the buffer allocated for
    // every datagram read (zeroing megabytes per query). The kernel default queue is plenty.
    DatagramSocketOptions options =
        new DatagramSocketOptions()
            .setReuseAddress(true)
            .setSendBufferSize(NettyUdpEndpoint.SOCKET_BUFFER);
    options.setReusePort(vertx.isNativeTransportEnabled());
    DatagramSocket socket = vertx.createDatagramSocket(options);
    VertxUdpEndpoint endpoint = new VertxUdpEndpoint(socket, processor);
    socket.handler(endpoint::onPacket);
    return socket.listen(port, host).map(s -> endpoint);
  }

  private void onPacket(DatagramPacket packet) {
    byte[] query = packet.data().getBytes();
    SocketAddress sender = packet.sender();
    byte[] cached = processor.cached(query);
    if (cached != null) {
      socket.send(Buffer.buffer(cached), sender.port(), sender.host());
      return;
    }
    processor
        .process(query, Transport.UDP)
        .onSuccess(
            response -> {
              if (response != null) {
                socket.send(Buffer.buffer(response), sender.port(), sender.host());
              }
            });
  }

  @Override
  public int port() {
    return socket.localAddress().port();
  }

  @Override
  public Future<Void> close() {
    return socket.close();
  }
}

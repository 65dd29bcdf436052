package dev.skiff.agent.stream;

import dev.skiff.api.client.vertx.VertxNetty;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Port-forward over the WebSocket channel protocol (the Python client, fabric8): port {@code i} of
 * the request's {@code ports} uses data channel {@code 2i} and error channel {@code 2i+1}; each
 * channel first carries the port as two bytes, little-endian; then one TCP connection per port
 * carries the data channel's bytes. A connection that cannot be made is reported on the port's
 * error channel; when every connection has ended (and handed over its last bytes), the socket
 * closes. The client's messages wait until every connection is made or refused.
 *
 * <p>Backpressure: a pod connection is not read while the WebSocket's write queue is full (all of
 * them resume on its drain; {@link VertxNetty#reading}, so that its end stays after its data); the
 * WebSocket is paused while any pod connection's queue is full.
 */
final class WebSocketPortForward {
  private final ChannelSocket socket;
  private final ServerWebSocket ws;
  private final NetSocket[] connections;
  private final Set<NetSocket> pausedForClient = new HashSet<>();
  private final Set<NetSocket> blockingClient = new HashSet<>();
  private int unsettled;
  private int open;

  private WebSocketPortForward(ChannelSocket socket, int ports) {
    this.socket = socket;
    this.ws = socket.webSocket();
    this.connections = new NetSocket[ports];
    this.unsettled = ports;
    this.open = ports;
  }

  static void run(ChannelSocket socket, NetClient tcp, String podIp, List<Integer> ports) {
    WebSocketPortForward forward = new WebSocketPortForward(socket, ports.size());
    ServerWebSocket ws = socket.webSocket();
    ws.pause();
    for (int i = 0; i < ports.size(); i++) {
      int port = ports.get(i);
      Buffer prefix = Buffer.buffer(2).appendUnsignedShortLE(port);
      socket.send(2 * i, prefix);
      socket.send(2 * i + 1, prefix);
    }
    socket.onMessage(forward::fromClient);
    ws.closeHandler(v -> forward.closeAll());
    ws.drainHandler(v -> forward.clientDrained());
    for (int i = 0; i < ports.size(); i++) {
      int index = i;
      int port = ports.get(i);
      tcp.connect(port, podIp)
          .onComplete(
              ar -> {
                if (ar.succeeded()) {
                  forward.joined(index, ar.result());
                } else {
                  forward.refused(index, port, podIp, ar.cause().getMessage());
                }
              });
    }
  }

  private void joined(int index, NetSocket connection) {
    connections[index] = connection;
    connection.handler(
        bytes -> {
          socket.send(2 * index, bytes);
          if (ws.writeQueueFull() && pausedForClient.add(connection)) {
            VertxNetty.reading(connection, false);
          }
        });
    connection.endHandler(v -> ended(connection));
    settled();
  }

  private void refused(int index, int port, String podIp, String why) {
    socket.send(
        2 * index + 1,
        "error forwarding port "
            + port
            + ": failed to connect to "
            + podIp
            + ":"
            + port
            + ": "
            + why);
    settled();
    ended(null);
  }

  private void settled() {
    unsettled--;
    clientFlow();
  }

  private void clientDrained() {
    List<NetSocket> resuming = new ArrayList<>(pausedForClient);
    pausedForClient.clear();
    resuming.forEach(c -> VertxNetty.reading(c, true));
  }

  private void clientFlow() {
    if (unsettled <= 0 && blockingClient.isEmpty()) {
      ws.resume();
    } else {
      ws.pause();
    }
  }

  private void fromClient(int channel, Buffer payload) {
    int index = channel / 2;
    if (channel % 2 == 0 && index < connections.length && connections[index] != null) {
      NetSocket connection = connections[index];
      connection.write(payload);
      if (connection.writeQueueFull() && blockingClient.add(connection)) {
        clientFlow();
        connection.drainHandler(
            v -> {
              if (blockingClient.remove(connection)) {
                clientFlow();
              }
            });
      }
    }
  }

  private void ended(NetSocket connection) {
    if (connection != null) {
      pausedForClient.remove(connection);
      if (blockingClient.remove(connection)) {
        clientFlow();
      }
    }
    open--;
    if (open <= 0) {
      socket.close();
    }
  }

  private void closeAll() {
    for (NetSocket c : connections) {
      if (c != null) {
        c.close();
      }
    }
  }
}

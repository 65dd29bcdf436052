package dev.skiff.agent.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.List;

/**
 * Port-forward over the WebSocket channel protocol (the Python client, fabric8): port {@code i} of
 * the request's {@code ports} uses data channel {@code 2i} and error channel {@code 2i+1}; each
 * channel first carries the port as two bytes, little-endian; then one TCP connection per port
 * carries the data channel's bytes. A connection that cannot be made is reported on the port's
 * error channel; when every connection has ended, the socket closes.
 */
final class WebSocketPortForward {
  private final ChannelSocket socket;
  private final NetSocket[] connections;
  private int open;

  private WebSocketPortForward(ChannelSocket socket, int ports) {
    this.socket = socket;
    this.connections = new NetSocket[ports];
    this.open = ports;
  }

  static void run(ChannelSocket socket, NetClient tcp, String podIp, List<Integer> ports) {
    WebSocketPortForward forward = new WebSocketPortForward(socket, ports.size());
    socket.webSocket().pause();
    for (int i = 0; i < ports.size(); i++) {
      int port = ports.get(i);
      Buffer prefix = Buffer.buffer(2).appendUnsignedShortLE(port);
      socket.send(2 * i, prefix);
      socket.send(2 * i + 1, prefix);
    }
    socket.onMessage(forward::fromClient);
    socket.webSocket().closeHandler(v -> forward.closeAll());
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
          if (socket.webSocket().writeQueueFull()) {
            connection.pause();
            socket.webSocket().drainHandler(v -> connection.resume());
          }
        });
    connection.closeHandler(v -> ended());
    if (allSettled()) {
      socket.webSocket().resume();
    }
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
    ended();
  }

  private boolean allSettled() {
    for (NetSocket c : connections) {
      if (c == null) {
        return false;
      }
    }
    return true;
  }

  private void fromClient(int channel, Buffer payload) {
    int index = channel / 2;
    if (channel % 2 == 0 && index < connections.length && connections[index] != null) {
      NetSocket connection = connections[index];
      connection.write(payload);
      if (connection.writeQueueFull()) {
        socket.webSocket().pause();
        connection.drainHandler(v -> socket.webSocket().resume());
      }
    }
  }

  private void ended() {
    open--;
    if (open <= 0) {
      socket.close();
    } else {
      socket.webSocket().resume();
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

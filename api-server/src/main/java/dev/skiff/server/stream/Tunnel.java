package dev.skiff.server.stream;

import io.vertx.core.net.NetSocket;

/**
 * Joins two sockets after an upgrade: bytes flow both ways with backpressure (a side whose peer
 * cannot keep up is paused); when either side ends or closes, so does the other. The streaming
 * protocols carry their own half-close (v5 close signals, SPDY FIN flags), in-band.
 */
final class Tunnel {
  private Tunnel() {}

  static void splice(NetSocket a, NetSocket b) {
    a.closeHandler(v -> b.close());
    b.closeHandler(v -> a.close());
    a.pipeTo(b);
    b.pipeTo(a);
  }
}

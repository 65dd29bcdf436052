package dev.skiff.server.stream;

import io.vertx.core.net.NetSocket;

/**
 * Joins two sockets after an upgrade: bytes flow both ways with backpressure (a side whose peer
 * cannot keep up is paused); when either side ends, its last bytes are passed on and then the other
 * side is closed. The streaming protocols carry their own half-close (v5 close signals, SPDY FIN
 * flags), in-band.
 */
final class Tunnel {
  private Tunnel() {}

  static void splice(NetSocket a, NetSocket b) {
    // A socket's close handler runs before the bytes it still holds (paused while its peer is
    // behind) are delivered; its end comes after them, and the pipes close the peer on it. So a
    // side that closes is only resumed, to hand everything over.
    a.closeHandler(v -> a.resume());
    b.closeHandler(v -> b.resume());
    a.pipeTo(b);
    b.pipeTo(a);
  }
}

package dev.skiff.server.stream;

import dev.skiff.api.client.vertx.VertxNetty;
import io.vertx.core.net.NetSocket;

/**
 * Joins two sockets after an upgrade: bytes flow both ways with backpressure (a side stops being
 * read while its peer's write queue is full); when either side ends, the other is closed after
 * everything before the end was written to it. The streaming protocols carry their own half-close
 * (v5 close signals, SPDY FIN flags), in-band. Backpressure stops reading at the socket ({@link
 * VertxNetty#reading}), not with {@code pause()}, whose end can overtake the last bytes.
 */
final class Tunnel {
  private Tunnel() {}

  static void splice(NetSocket a, NetSocket b) {
    flow(a, b);
    flow(b, a);
  }

  private static void flow(NetSocket from, NetSocket to) {
    from.handler(
        bytes -> {
          to.write(bytes);
          if (to.writeQueueFull()) {
            VertxNetty.reading(from, false);
            to.drainHandler(v -> VertxNetty.reading(from, true));
          }
        });
    from.endHandler(v -> to.close());
    from.exceptionHandler(e -> from.close());
    from.resume();
  }
}

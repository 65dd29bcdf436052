package dev.skiff.proxy.dataplane;

import io.vertx.core.Future;

/** One bound socket of the data plane; its backends can be swapped while it serves. */
interface Listener {
  ListenerKey key();

  /** Points new connections (TCP) or new flows (UDP) at {@code backends}. */
  void route(Backends backends);

  Future<Void> bind();

  /** Stops accepting; established TCP connections are left alone. */
  Future<Void> close();
}

package dev.skiff.proxy.dataplane;

import io.vertx.core.Context;
import io.vertx.core.Future;

/**
 * One bound socket of the data plane; its backends can be swapped while it serves. What every
 * listener holds: its key, the data plane's context (where bind and close complete), whether it
 * binds with SO_REUSEPORT, and the backends new connections (TCP) or flows (UDP) go to.
 */
abstract class Listener {
  final ListenerKey key;
  final Context context;

  /**
   * Bind with SO_REUSEPORT (native transport only), so that the proxies of several nodes on one
   * machine all serve a shared address.
   */
  final boolean reusePort;

  volatile Backends backends;

  Listener(ListenerKey key, Context context, boolean reusePort) {
    this.key = key;
    this.context = context;
    this.reusePort = reusePort;
  }

  final ListenerKey key() {
    return key;
  }

  /** Points new connections (TCP) or new flows (UDP) at {@code backends}. */
  void route(Backends backends) {
    this.backends = backends;
  }

  abstract Future<Void> bind();

  /** Stops accepting; established TCP connections are left alone. */
  abstract Future<Void> close();
}

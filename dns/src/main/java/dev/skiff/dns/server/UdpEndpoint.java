package dev.skiff.dns.server;

import io.vertx.core.Future;

/** A bound UDP socket that answers queries through a {@link QueryProcessor}. */
interface UdpEndpoint {
  /** The port actually bound. */
  int port();

  Future<Void> close();
}

package dev.skiff.dns.server;

/** How UDP is served. */
public enum UdpEngine {
  /**
   * A Netty datagram channel of Vert.x's transport, on the verticle's event loop (the default). On
   * the native epoll transport it reads with recvmmsg, writes a batch of answers with one sendmmsg
   * and shares the port with SO_REUSEPORT. Vert.x's DatagramSocket resolves the recipient's address
   * and flushes on every send, which costs about a third of the throughput.
   */
  NETTY,
  /** Vert.x's {@link io.vertx.core.datagram.DatagramSocket}: portable, slower. */
  VERTX_DATAGRAM_SOCKET
}

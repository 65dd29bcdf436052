package dev.skiff.proxy.dataplane;

import dev.skiff.api.client.vertx.VertxNetty;
import dev.skiff.proxy.balancer.RetryPolicy;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.NativeInetAddress;
import io.netty.channel.unix.Socket;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Promise;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP listener served directly on Netty's epoll event loops, through the event loop's {@code
 * IoHandle} API rather than Netty channels. A proxied connection is two sockets and one {@link
 * EpollRelay}: no channel, pipeline or promise per socket, poll interest set once (edge-triggered)
 * instead of changed around the connect, reads and half-close, and none of the address and option
 * lookups a channel makes when it is created and closed. That halves the system calls per proxied
 * connection (about 20 instead of 40, HAProxy's count). Used whenever the Vert.x transport is
 * epoll; the channel-based {@link TcpListener} is the portable fallback (NIO).
 */
final class EpollTcpListener extends Listener {
  private static final Logger LOG = LoggerFactory.getLogger(EpollTcpListener.class);
  private static final int BACKLOG = 1024;

  /** Accepts per wakeup before yielding to the loop's other work (then it comes back). */
  private static final int ACCEPT_BATCH = 64;

  private final EventLoopGroup loops;
  private final RetryPolicy retry;
  private final Acceptor acceptor = new Acceptor();
  private final byte[] peer = new byte[26];
  private IoEventLoop loop;
  private Socket server;
  private IoRegistration registration;
  private long lastAcceptWarning;

  EpollTcpListener(
      ListenerKey key,
      Context context,
      EventLoopGroup loops,
      RetryPolicy retry,
      boolean reusePort) {
    super(key, context, reusePort);
    this.loops = loops;
    this.retry = retry;
  }

  /** Whether {@code loops} are epoll event loops this listener can register on. */
  static boolean supported(EventLoopGroup loops) {
    return loops.next() instanceof IoEventLoop l
        && l.isCompatible(Acceptor.class)
        && EpollRelay.directMemoryAddresses();
  }

  @Override
  Future<Void> bind() {
    loop = (IoEventLoop) loops.next();
    Promise<Void> bound = loop.newPromise();
    loop.execute(() -> open(bound));
    return VertxNetty.onContext(context, bound);
  }

  private void open(Promise<Void> bound) {
    InetAddress ip = NetUtil.createInetAddressFromIpAddressString(key.ip());
    try {
      server = LinuxSocket.newSocketStream(ip instanceof Inet6Address);
      server.setReuseAddress(true);
      if (reusePort) {
        server.setReusePort(true);
      }
      server.bind(new InetSocketAddress(ip, key.port()));
      server.listen(BACKLOG);
    } catch (IOException | RuntimeException e) {
      closeServer();
      bound.setFailure(e);
      return;
    }
    loop.register(acceptor)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                closeServer();
                bound.setFailure(f.cause());
                return;
              }
              registration = (IoRegistration) f.getNow();
              if (!server.isOpen()) { // closed while registering
                registration.cancel();
                bound.setFailure(new IOException(key + " closed"));
                return;
              }
              registration.submit(EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLET));
              bound.setSuccess(null);
            });
  }

  @Override
  Future<Void> close() {
    if (loop == null) {
      return Future.succeededFuture();
    }
    Promise<Void> closed = loop.newPromise();
    loop.execute(
        () -> {
          closeServer();
          closed.setSuccess(null);
        });
    return VertxNetty.onContext(context, closed);
  }

  /** Accepts what is queued; connections already accepted keep going. */
  private void acceptAll() {
    Socket listening = server;
    for (int i = 0; i < ACCEPT_BATCH; i++) {
      if (listening == null || !listening.isOpen()) {
        return;
      }
      int fd;
      try {
        fd = listening.accept(peer);
      } catch (IOException e) {
        warnAccept(e);
        return; // the next incoming connection wakes the loop again
      }
      if (fd < 0) {
        return; // drained
      }
      InetSocketAddress client = NativeInetAddress.address(peer, 1, peer[0]);
      EpollRelay.start(
          new Socket(fd), client.getAddress(), backends, retry, (IoEventLoop) loops.next());
    }
    // Edge-triggered: what is still queued brings no new wakeup, so come back for it.
    loop.execute(this::acceptAll);
  }

  private void warnAccept(IOException e) {
    long now = System.nanoTime();
    if (now - lastAcceptWarning > 1_000_000_000L) {
      lastAcceptWarning = now;
      LOG.warn("{}: accept failed: {}", key, e.toString());
    }
  }

  private void closeServer() {
    Socket s = server;
    if (s != null && s.isOpen()) {
      try {
        s.close(); // before cancelling: a closed descriptor needs no EPOLL_CTL_DEL
      } catch (IOException e) {
        LOG.debug("{}: close failed", key, e);
      }
    }
    if (registration != null) {
      registration.cancel();
    }
  }

  private final class Acceptor implements EpollIoHandle {
    @Override
    public FileDescriptor fd() {
      return server;
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
      acceptAll();
    }

    @Override
    public void close() {
      closeServer();
    }
  }
}

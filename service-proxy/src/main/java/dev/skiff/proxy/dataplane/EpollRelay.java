package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.balancer.RetryPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/**
 * One proxied TCP connection on an epoll event loop: the client's socket, the endpoint's socket and
 * the bytes between them, all confined to one loop. Both sockets are registered once for input,
 * output and peer shutdown, edge-triggered, and never change interest: each direction remembers
 * whether its source may have more to read and whether its destination took everything.
 *
 * <p>Bytes are read into the loop's scratch buffer and written straight on; only what the
 * destination does not take is kept, by handing the scratch buffer itself to the connection (no
 * copy), and the source is not read again until it is gone: memory per connection stays bounded and
 * an idle connection holds no buffer. An end of stream becomes a FIN on the other socket after the
 * pending bytes (half-close); the connection closes once both directions ended. A reset or error on
 * either socket resets both. Connecting follows {@link RetryPolicy}: one timeout per attempt, each
 * on the next endpoint; no endpoint, or none accepting, resets the client at once.
 */
final class EpollRelay {
  private static final int READ = 256 * 1024;

  /** Reads per direction per wakeup (4 MiB) before yielding to the loop's other connections. */
  private static final int READ_BUDGET = 16;

  private static final int IN = EpollIoOps.EPOLLIN.value();
  private static final int OUT = EpollIoOps.EPOLLOUT.value();
  private static final int ERR = EpollIoOps.EPOLLERR.value();
  private static final int RDHUP = EpollIoOps.EPOLLRDHUP.value();
  private static final int HUP = 0x10; // EPOLLHUP: both directions are shut
  private static final EpollIoOps INTEREST =
      EpollIoOps.EPOLLIN
          .with(EpollIoOps.EPOLLOUT)
          .with(EpollIoOps.EPOLLRDHUP)
          .with(EpollIoOps.EPOLLET);
  private static final FastThreadLocal<ByteBuf[]> SCRATCH =
      new FastThreadLocal<>() {
        @Override
        protected ByteBuf[] initialValue() {
          return new ByteBuf[1];
        }

        @Override
        protected void onRemoval(ByteBuf[] value) {
          if (value[0] != null) {
            value[0].release();
          }
        }
      };

  private final IoEventLoop loop;
  private final Backends backends;
  private final RetryPolicy retry;
  private final InetAddress clientIp;
  private final Side client;
  private final Flow up = new Flow(); // client -> endpoint
  private final Flow down = new Flow(); // endpoint -> client
  private Side endpoint;
  private Target target;
  private int attempt;
  private ScheduledFuture<?> connectTimeout;
  private boolean connected;
  private boolean closed;

  private EpollRelay(
      Socket client, InetAddress clientIp, Backends backends, RetryPolicy retry, IoEventLoop loop) {
    this.loop = loop;
    this.backends = backends;
    this.retry = retry;
    this.clientIp = clientIp;
    this.client = new Side(client);
    up.src = this.client;
    down.dst = this.client;
    up.opposite = down;
    down.opposite = up;
  }

  /** Serves an accepted client socket on {@code loop}. */
  static void start(
      Socket client, InetAddress clientIp, Backends backends, RetryPolicy retry, IoEventLoop loop) {
    EpollRelay relay = new EpollRelay(client, clientIp, backends, retry, loop);
    if (loop.inEventLoop()) {
      relay.begin();
    } else {
      loop.execute(relay::begin);
    }
  }

  /** Whether direct buffers expose their address (the reads and writes here need it). */
  static boolean directMemoryAddresses() {
    ByteBuf probe = ByteBufAllocator.DEFAULT.directBuffer(16);
    try {
      return probe.hasMemoryAddress();
    } finally {
      probe.release();
    }
  }

  private void begin() {
    try {
      client.socket.setTcpNoDelay(true);
    } catch (IOException e) {
      client.shut();
      return;
    }
    target = backends.balancer.pick(clientIp);
    if (target == null) {
      refuse();
      return;
    }
    connect();
    if (!closed) {
      // After the first connect attempt read the client's first bytes: registering now brings no
      // edge for bytes already taken.
      register(client);
    }
  }

  private void register(Side side) {
    loop.register(side)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                reset();
                return;
              }
              side.registration = (IoRegistration) f.getNow();
              if (closed || !side.socket.isOpen()) {
                side.registration.cancel();
              } else {
                side.registration.submit(INTEREST);
              }
            });
  }

  private void connect() {
    Socket socket;
    try {
      socket = LinuxSocket.newSocketStream(target.address.getAddress() instanceof Inet6Address);
    } catch (RuntimeException e) { // EMFILE: this proxy is out of descriptors
      backends.stats.refused();
      reset();
      return;
    }
    endpoint = new Side(socket);
    up.dst = endpoint;
    down.src = endpoint;
    boolean done;
    try {
      socket.setTcpNoDelay(true);
      done = socket.connect(target.address);
    } catch (IOException e) {
      connectFailed();
      return;
    }
    register(endpoint);
    if (done) {
      connected();
    } else {
      connectTimeout =
          loop.schedule(this::connectFailed, retry.timeoutMillis(attempt), TimeUnit.MILLISECONDS);
      if (attempt == 0) {
        sendEarly();
      }
    }
  }

  /**
   * Clients mostly speak first, and with a nearby endpoint the handshake has usually completed by
   * the time connect returns. So the client's first bytes are read and sent at once, as HAProxy
   * does: a send the kernel takes proves the connection established, and the request leaves without
   * waiting for the next poll. A send refused with EAGAIN (still connecting) keeps the bytes for
   * when the connection is up, on this endpoint or the next.
   */
  private void sendEarly() {
    ByteBuf buf = scratch();
    int n;
    try {
      n = client.socket.recvAddress(buf.memoryAddress(), 0, READ);
    } catch (IOException | RuntimeException e) {
      reset();
      return;
    }
    if (n == 0) {
      return; // nothing yet: the client's edge comes once it is registered
    }
    if (n < 0) {
      up.ended = true;
      return;
    }
    up.readable = n == READ;
    int w;
    try {
      w = endpoint.socket.sendAddress(buf.memoryAddress(), 0, n);
    } catch (IOException | RuntimeException e) {
      w = -1; // refused already: the bytes wait for the next endpoint
    }
    if (w < n) {
      up.keep(buf, Math.max(w, 0), n);
    }
    if (w < 0) {
      connectFailed();
    } else if (w > 0) {
      up.moved += w;
      connected();
    }
  }

  /**
   * The endpoint socket reported readiness while connecting. Output readiness alone means the
   * handshake completed (no SO_ERROR lookup needed); an error or hang-up means it failed, and
   * SO_ERROR says why (refused, unreachable).
   */
  private void finishConnect(int ops) {
    if ((ops & (ERR | HUP)) != 0) {
      try {
        if (!endpoint.socket.finishConnect()) {
          return; // still in progress
        }
      } catch (IOException e) {
        connectFailed();
        return;
      }
    }
    connected();
  }

  private void connected() {
    if (connectTimeout != null) {
      connectTimeout.cancel(false);
      connectTimeout = null;
    }
    connected = true;
    target.stats.connected();
    transfer(up, down);
  }

  /** The attempt on {@link #target} failed or timed out: the next endpoint, or a reset. */
  private void connectFailed() {
    if (closed) {
      return;
    }
    if (connectTimeout != null) {
      connectTimeout.cancel(false);
      connectTimeout = null;
    }
    endpoint.shut();
    target.stats.connectFailed();
    if (++attempt < retry.attempts()) {
      target = backends.balancer.next(clientIp, target);
      if (target != null) {
        connect();
        return;
      }
    }
    refuse();
  }

  private void refuse() {
    backends.stats.refused();
    reset();
  }

  private void onEvent(Side side, int ops) {
    if (closed) {
      return;
    }
    Flow from = side == client ? up : down;
    if ((ops & (IN | RDHUP | ERR | HUP)) != 0) {
      from.readable = true;
      if ((ops & (RDHUP | ERR | HUP)) != 0) {
        from.ending = true; // read to the end even after a short read
      }
    }
    if (!connected) {
      if (side == endpoint && (ops & (OUT | ERR | HUP)) != 0) {
        finishConnect(ops); // moves the bytes too once connected
      }
      return; // the client's bytes wait in its socket until then
    }
    Flow into = side == client ? down : up;
    if ((ops & (OUT | ERR | HUP)) != 0) {
      transfer(into, from);
    } else {
      transfer(from, null);
    }
  }

  private void transfer(Flow first, Flow second) {
    try {
      resumeLater(first.pump());
      if (second != null) {
        resumeLater(second.pump());
      }
    } catch (IOException | RuntimeException e) {
      // ECONNRESET, EPIPE, ENOTCONN (NotYetConnectedException): a peer is gone
      reset();
      return;
    }
    report();
    if (up.done() && down.done()) {
      close(false);
    }
  }

  /** A flow that used its read budget with bytes still waiting comes back after other work. */
  private void resumeLater(Flow flow) {
    if (flow != null) {
      loop.execute(
          () -> {
            if (!closed) {
              transfer(flow, null);
            }
          });
    }
  }

  private void report() {
    if (up.moved > 0) {
      target.stats.sent(up.moved);
      up.moved = 0;
    }
    if (down.moved > 0) {
      target.stats.received(down.moved);
      down.moved = 0;
    }
  }

  /** Closes both sockets with a reset (SO_LINGER 0), so both peers learn at once. */
  private void reset() {
    close(true);
  }

  private void close(boolean reset) {
    if (closed) {
      return;
    }
    closed = true;
    if (connectTimeout != null) {
      connectTimeout.cancel(false);
    }
    if (connected) {
      report();
      target.stats.disconnected();
    }
    up.release();
    down.release();
    if (reset) {
      client.linger0();
      if (endpoint != null) {
        endpoint.linger0();
      }
    }
    client.shut();
    if (endpoint != null) {
      endpoint.shut();
    }
  }

  private static ByteBuf scratch() {
    ByteBuf[] holder = SCRATCH.get();
    if (holder[0] == null) {
      holder[0] = ByteBufAllocator.DEFAULT.directBuffer(READ, READ);
    }
    return holder[0];
  }

  /** The scratch buffer now belongs to a connection; the loop takes a new one when it reads. */
  private static void giveAwayScratch() {
    SCRATCH.get()[0] = null;
  }

  /** One direction: bytes read from {@code src} and written to {@code dst}. */
  private static final class Flow {
    Side src;
    Side dst;
    Flow opposite;

    /** The source may have bytes (or its end) to read: an edge came and no read drained it. */
    boolean readable;

    /** The peer shut down or failed: read until the end, even after a short read. */
    boolean ending;

    boolean ended;
    boolean finSent;
    ByteBuf pending;
    long moved;

    boolean done() {
      return finSent && pending == null;
    }

    /** Moves what it can; returns this flow if it stopped on its read budget, else null. */
    Flow pump() throws IOException {
      for (int reads = 0; ; ) {
        if (pending != null) {
          int n =
              dst.socket.sendAddress(
                  pending.memoryAddress(), pending.readerIndex(), pending.writerIndex());
          moved += n;
          pending.skipBytes(n);
          if (pending.isReadable()) {
            return null; // the destination is full: its EPOLLOUT brings us back
          }
          pending.release();
          pending = null;
        }
        if (ended) {
          if (!finSent) {
            finSent = true;
            if (!opposite.done()) {
              // Half-close. Once both directions ended, closing sends this FIN: the socket has
              // nothing unread (the other direction read it to the end), so close is graceful.
              dst.socket.shutdown(false, true);
            }
          }
          return null;
        }
        if (!readable) {
          return null;
        }
        if (reads++ == READ_BUDGET) {
          return this;
        }
        ByteBuf buf = scratch();
        int n = src.socket.recvAddress(buf.memoryAddress(), 0, READ);
        if (n == 0) {
          readable = false; // EAGAIN
          return null;
        }
        if (n < 0) {
          ended = true;
          continue;
        }
        int w = dst.socket.sendAddress(buf.memoryAddress(), 0, n);
        moved += w;
        if (w < n) {
          keep(buf, w, n);
        } else if (n < READ && !ending) {
          readable = false; // a short read drained the socket; the next bytes bring an edge
          return null;
        }
      }
    }

    /**
     * Keeps bytes {@code from}..{@code to} of the scratch buffer for the destination, by handing
     * the buffer itself over (no copy); the loop takes a new scratch buffer for its next read.
     */
    void keep(ByteBuf scratch, int from, int to) {
      scratch.setIndex(from, to);
      pending = scratch;
      giveAwayScratch();
    }

    void release() {
      if (pending != null) {
        pending.release();
        pending = null;
      }
    }
  }

  /** One of the two sockets, registered on the loop. */
  private final class Side implements EpollIoHandle {
    final Socket socket;
    IoRegistration registration;

    Side(Socket socket) {
      this.socket = socket;
    }

    @Override
    public FileDescriptor fd() {
      return socket;
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
      onEvent(this, ((EpollIoEvent) event).ops().value());
    }

    void linger0() {
      if (socket.isOpen()) {
        try {
          socket.setSoLinger(0);
        } catch (IOException ignored) {
          // closing is what matters
        }
      }
    }

    /** Closes the socket, then drops the registration (a closed descriptor needs no DEL). */
    void shut() {
      if (socket.isOpen()) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // nothing more to do with it
        }
      }
      if (registration != null) {
        registration.cancel();
      }
    }

    /** Called by Netty when the event loop shuts down: the whole connection goes. */
    @Override
    public void close() {
      if (closed) {
        shut();
      } else {
        EpollRelay.this.close(false);
      }
    }
  }
}

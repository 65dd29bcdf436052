package dev.skiff.proxy.dataplane;

import dev.skiff.api.client.vertx.VertxNetty;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Promise;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.spi.transport.Transport;
import java.util.concurrent.TimeUnit;

/**
 * A TCP listener on one (address, port): a Netty server channel on Vert.x's event loops and
 * transport: the portable fallback for machines without epoll (NIO); on epoll, {@link
 * EpollTcpListener} is used instead. It accepts on an event loop rather than Vert.x's acceptor
 * thread: with one loop, accept, connect and relay of a connection never change thread. Each
 * accepted connection reads the current backends once, so a swap never touches established
 * connections.
 */
final class TcpListener extends Listener {
  private final Connector connector;
  private final Acceptor acceptor = new Acceptor();
  private Channel server;

  TcpListener(ListenerKey key, Context context, Connector connector, boolean reusePort) {
    super(key, context, reusePort);
    this.connector = connector;
  }

  @Override
  Future<Void> bind() {
    Vertx vertx = context.owner();
    Transport transport = VertxNetty.transport(vertx);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(VertxNetty.eventLoops(vertx), VertxNetty.eventLoops(vertx))
            .channelFactory(transport.serverChannelFactory(false))
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Tuning.waterMark())
            .childHandler(acceptor);
    // The transport knows its own server socket options (SO_REUSEPORT on epoll); take only those:
    // its per-connection defaults would cost a setsockopt each on every accepted connection.
    ServerBootstrap serverOptions = new ServerBootstrap();
    transport.configure(
        new NetServerOptions().setReuseAddress(true).setReusePort(reusePort).setAcceptBacklog(1024),
        false,
        serverOptions);
    serverOptions.config().options().forEach((k, v) -> setOption(bootstrap, k, v));
    var future = bootstrap.bind(key.ip(), key.port());
    server = future.channel();
    return VertxNetty.onContext(context, future);
  }

  /**
   * Completes once the socket no longer listens. On NIO a channel registered with a selector is
   * only really closed when its event loop next selects (the JDK defers closing a registered
   * channel until its key is deregistered); until then the kernel still accepts connections into
   * the backlog, and they would be reset. A task scheduled after the close runs after that select.
   */
  @Override
  Future<Void> close() {
    if (server == null) {
      return Future.succeededFuture();
    }
    EventLoop loop = server.eventLoop();
    Promise<Void> closed = loop.newPromise();
    server
        .close()
        .addListener(
            f ->
                loop.schedule(
                    () -> {
                      if (f.isSuccess()) {
                        closed.setSuccess(null);
                      } else {
                        closed.setFailure(f.cause());
                      }
                    },
                    0,
                    TimeUnit.NANOSECONDS));
    return VertxNetty.onContext(context, closed);
  }

  @SuppressWarnings("unchecked")
  private static <T> void setOption(
      ServerBootstrap bootstrap, ChannelOption<T> option, Object value) {
    bootstrap.option(option, (T) value);
  }

  /** First handler of every accepted channel: hands it to a {@link ChannelForwarder}. */
  @ChannelHandler.Sharable
  private final class Acceptor extends ChannelInboundHandlerAdapter {
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.pipeline().remove(this);
      ChannelForwarder.forward(ctx.channel(), backends, connector);
    }
  }
}

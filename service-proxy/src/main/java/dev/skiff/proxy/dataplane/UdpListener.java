package dev.skiff.proxy.dataplane;

import dev.skiff.api.client.vertx.VertxNetty;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A UDP listener on one (address, port). Each client address gets a flow: a datagram socket
 * connected to one endpoint; replies go back to the client from the listener's address. Flows end
 * after the idle timeout, when their endpoint leaves the backends, or on an ICMP error. All flow
 * state lives on the listener's event loop.
 */
final class UdpListener extends Listener {
  private final long idleNanos;
  private final Map<InetSocketAddress, UdpFlow> flows = new HashMap<>();
  private Channel channel;
  private ScheduledFuture<?> sweeper;

  /**
   * @param reusePort see {@link Listener#reusePort}; the kernel keeps each client's datagrams on
   *     one of the sockets sharing the address
   */
  UdpListener(ListenerKey key, Context context, Duration idleTimeout, boolean reusePort) {
    super(key, context, reusePort);
    this.idleNanos = idleTimeout.toNanos();
  }

  @Override
  void route(Backends backends) {
    super.route(backends);
    if (channel != null) {
      channel.eventLoop().execute(() -> closeFlows(f -> !backends.contains(f.target)));
    }
  }

  @Override
  Future<Void> bind() {
    Vertx vertx = context.owner();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(VertxNetty.eventLoops(vertx))
            .channelFactory(() -> VertxNetty.transport(vertx).datagramChannel())
            .handler(new Inbound());
    if (reusePort && vertx.isNativeTransportEnabled()) {
      bootstrap.option(UnixChannelOption.SO_REUSEPORT, true);
    }
    var future = bootstrap.bind(key.ip(), key.port());
    channel = future.channel();
    future.addListener(
        f -> {
          if (f.isSuccess()) {
            long every = Math.max(TimeUnit.MILLISECONDS.toNanos(10), idleNanos / 4);
            sweeper =
                channel
                    .eventLoop()
                    .scheduleAtFixedRate(this::expireIdle, every, every, TimeUnit.NANOSECONDS);
          }
        });
    return VertxNetty.onContext(context, future);
  }

  @Override
  Future<Void> close() {
    if (channel == null) {
      return Future.succeededFuture();
    }
    io.netty.util.concurrent.Promise<Void> closed = channel.eventLoop().newPromise();
    channel
        .eventLoop()
        .execute(
            () -> {
              if (sweeper != null) {
                sweeper.cancel(false);
              }
              closeFlows(f -> true);
              channel
                  .close()
                  .addListener(
                      f -> {
                        if (f.isSuccess()) {
                          closed.setSuccess(null);
                        } else {
                          closed.setFailure(f.cause());
                        }
                      });
            });
    return VertxNetty.onContext(context, closed);
  }

  private void expireIdle() {
    long now = System.nanoTime();
    closeFlows(f -> now - f.lastActive >= idleNanos);
  }

  private void closeFlows(java.util.function.Predicate<UdpFlow> which) {
    for (UdpFlow f : new ArrayList<>(flows.values())) {
      if (which.test(f)) {
        f.close();
      }
    }
  }

  private final class Inbound extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DatagramPacket packet = (DatagramPacket) msg;
      InetSocketAddress client = packet.sender();
      UdpFlow flow = flows.get(client);
      if (flow == null) {
        Backends b = backends;
        Target target = b == null ? null : b.balancer.pick(client.getAddress());
        if (target == null) {
          if (b != null) {
            b.stats.refused();
          }
          packet.release();
          return;
        }
        flow = new UdpFlow(ctx.channel(), client, target, flows::remove);
        flows.put(client, flow);
        flow.open(
            new Bootstrap()
                .group(ctx.channel().eventLoop())
                .channelFactory(() -> VertxNetty.transport(context.owner()).datagramChannel())
                .resolver(NoopAddressResolverGroup.INSTANCE));
      }
      ByteBuf content = packet.content();
      flow.send(content);
    }
  }
}

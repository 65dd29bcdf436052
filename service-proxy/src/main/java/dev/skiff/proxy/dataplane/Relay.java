package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.metrics.EndpointStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Relays what one channel reads to its peer, zero-copy: the ByteBuf read from one socket is the one
 * written to the other. Backpressure: reading stops while the peer's outbound buffer is above its
 * high-water mark and resumes when it drains. Half-close: an end-of-stream becomes a FIN on the
 * peer after the pending bytes; a channel closes once both of its directions are shut. A reset or
 * error on either side resets both.
 *
 * <p>The client side's relay exists from accept on, before its backend is connected: with epoll, an
 * early end-of-stream makes Netty read even with auto-read off, so what arrives early is held and
 * replayed on {@link #attach}.
 */
final class Relay extends ChannelInboundHandlerAdapter {
  private static final ChannelFutureListener SHUTDOWN_OUTPUT =
      f -> {
        if (f.isSuccess() && f.channel() instanceof DuplexChannel d) {
          if (d.isInputShutdown()) {
            d.close();
          } else {
            d.shutdownOutput();
          }
        }
      };

  private final boolean towardsEndpoint;
  private Channel peer;
  private EndpointStats stats;
  private long unreported;
  private ArrayDeque<Object> early;
  private boolean earlyEnd;

  /** A relay not yet attached to its peer (the client side while its backend connects). */
  Relay(boolean towardsEndpoint) {
    this.towardsEndpoint = towardsEndpoint;
  }

  Relay(Channel peer, EndpointStats stats, boolean towardsEndpoint) {
    this.towardsEndpoint = towardsEndpoint;
    this.peer = peer;
    this.stats = stats;
  }

  /** Connects this relay to its peer and replays what was read before. */
  void attach(Channel peer, EndpointStats stats) {
    this.peer = peer;
    this.stats = stats;
    if (early != null) {
      for (Object msg = early.poll(); msg != null; msg = early.poll()) {
        count(msg);
        peer.write(msg, peer.voidPromise());
      }
      peer.flush();
      report();
    }
    if (earlyEnd) {
      peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(SHUTDOWN_OUTPUT);
    }
  }

  /** Drops what was held for a peer that never came. */
  void discard() {
    if (early != null) {
      early.forEach(ReferenceCountUtil::release);
      early.clear();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (peer == null) {
      if (early == null) {
        early = new ArrayDeque<>(4);
      }
      early.add(msg);
      return;
    }
    count(msg);
    peer.write(msg, peer.voidPromise());
    if (!peer.isWritable()) {
      // Stop first: flushing may drain the peer at once, and its writability event resumes us.
      ctx.channel().config().setAutoRead(false);
      peer.flush();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (peer == null) {
      return;
    }
    peer.flush();
    report();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (peer != null && ctx.channel().isWritable()) {
      peer.config().setAutoRead(true);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent && peer == null) {
      earlyEnd = true;
    } else if (evt instanceof ChannelInputShutdownEvent) {
      report();
      if (peer.isActive()) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(SHUTDOWN_OUTPUT);
      }
      if (ctx.channel() instanceof DuplexChannel d && d.isOutputShutdown()) {
        ctx.close();
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (peer == null) {
      discard();
      return;
    }
    report();
    if (!towardsEndpoint) {
      stats.disconnected();
    }
    if (peer.isActive()) {
      peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (peer != null) {
      reset(peer);
    }
    reset(ctx.channel());
  }

  /** Closes with SO_LINGER 0: the other end sees a reset at once, not a graceful end. */
  static void reset(Channel channel) {
    if (channel.isOpen()) {
      try {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException ignored) {
        // closing is what matters
      }
      channel.close();
    }
  }

  private void count(Object msg) {
    if (msg instanceof ByteBuf buf) {
      unreported += buf.readableBytes();
    }
  }

  private void report() {
    if (unreported > 0) {
      if (towardsEndpoint) {
        stats.sent(unreported);
      } else {
        stats.received(unreported);
      }
      unreported = 0;
    }
  }
}

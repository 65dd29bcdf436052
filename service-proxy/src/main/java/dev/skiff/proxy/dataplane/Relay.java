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
 * <p>A relay is installed before its peer exists (the client's at accept, the backend's before
 * connect) so that no channel ever needs its auto-read toggled at setup: what arrives before {@link
 * #attach} is held (reading pauses past the high-water mark) and replayed.
 */
final class Relay extends ChannelInboundHandlerAdapter {
  /**
   * Sends the FIN after what is pending. Once a channel's output is shut, its end-of-stream means
   * both directions are done: half-closure is turned off so Netty closes it then, instead of
   * shutting down an input the kernel already considers closed (a failing syscall and an exception
   * per connection).
   */
  private static final ChannelFutureListener SHUTDOWN_OUTPUT =
      f -> {
        if (f.isSuccess() && f.channel() instanceof DuplexChannel d) {
          if (d.isInputShutdown()) {
            d.close();
          } else {
            d.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, false);
            d.shutdownOutput();
          }
        }
      };

  private final boolean towardsEndpoint;
  private Channel self;
  private Channel peer;
  private EndpointStats stats;
  private long unreported;
  private ArrayDeque<Object> early;
  private long earlyBytes;
  private boolean earlyEnd;

  /**
   * @param towardsEndpoint true on the client's channel (bytes go to the endpoint)
   */
  Relay(boolean towardsEndpoint) {
    this.towardsEndpoint = towardsEndpoint;
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
      if (!self.config().isAutoRead() && peer.isWritable()) {
        self.config().setAutoRead(true);
      }
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
  public void handlerAdded(ChannelHandlerContext ctx) {
    self = ctx.channel();
    self.config().setRecvByteBufAllocator(Tuning.READS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (peer == null) {
      hold(msg);
      return;
    }
    count(msg);
    peer.write(msg, peer.voidPromise());
    if (!peer.isWritable()) {
      // Stop first: flushing may drain the peer at once, and its writability event resumes us.
      self.config().setAutoRead(false);
      peer.flush();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (peer != null) {
      peer.flush();
      report();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (peer != null && self.isWritable()) {
      peer.config().setAutoRead(true);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      if (peer == null) {
        earlyEnd = true;
      } else {
        report();
        if (peer.isActive()) {
          peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(SHUTDOWN_OUTPUT);
        }
        if (self instanceof DuplexChannel d && d.isOutputShutdown()) {
          ctx.close();
        }
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
    resetBoth();
  }

  private void resetBoth() {
    if (peer != null) {
      reset(peer);
    }
    reset(self);
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

  private void hold(Object msg) {
    if (early == null) {
      early = new ArrayDeque<>(4);
    }
    early.add(msg);
    if (msg instanceof ByteBuf buf && (earlyBytes += buf.readableBytes()) >= Tuning.HIGH_WATER) {
      self.config().setAutoRead(false);
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

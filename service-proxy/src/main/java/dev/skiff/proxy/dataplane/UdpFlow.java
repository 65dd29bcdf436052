package dev.skiff.proxy.dataplane;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/** One client's UDP conversation with one endpoint, on the listener's event loop. */
final class UdpFlow extends ChannelInboundHandlerAdapter {
  private static final int MAX_PENDING = 64;

  final Target target;
  long lastActive = System.nanoTime();
  private final Channel listener;
  private final InetSocketAddress client;
  private final Consumer<InetSocketAddress> onClose;
  private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
  private Channel upstream;
  private boolean closed;

  UdpFlow(
      Channel listener,
      InetSocketAddress client,
      Target target,
      Consumer<InetSocketAddress> onClose) {
    this.listener = listener;
    this.client = client;
    this.target = target;
    this.onClose = onClose;
  }

  void open(Bootstrap bootstrap) {
    target.stats.connected();
    var connecting = bootstrap.handler(this).connect(target.address);
    upstream = connecting.channel();
    connecting.addListener(
        f -> {
          if (!f.isSuccess()) {
            target.stats.connectFailed();
            close();
            return;
          }
          while (!pending.isEmpty()) {
            upstream.write(pending.poll(), upstream.voidPromise());
          }
          upstream.flush();
        });
  }

  /** Forwards a client datagram; takes ownership of {@code payload}. */
  void send(ByteBuf payload) {
    lastActive = System.nanoTime();
    if (closed) {
      payload.release();
      return;
    }
    target.stats.sent(payload.readableBytes());
    if (upstream.isActive() && pending.isEmpty()) {
      upstream.writeAndFlush(payload, upstream.voidPromise());
    } else if (pending.size() < MAX_PENDING) {
      pending.add(payload);
    } else {
      payload.release();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf payload = msg instanceof DatagramPacket p ? p.content() : (ByteBuf) msg;
    lastActive = System.nanoTime();
    target.stats.received(payload.readableBytes());
    listener.write(new DatagramPacket(payload, client), listener.voidPromise());
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    listener.flush();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    close();
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.accept(client);
    target.stats.disconnected();
    while (!pending.isEmpty()) {
      pending.poll().release();
    }
    if (upstream != null) {
      upstream.close();
    }
  }
}

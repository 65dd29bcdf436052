package dev.skiff.dns.server;

import dev.skiff.api.client.vertx.VertxNetty;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/**
 * A bound UDP socket that answers queries through a {@link QueryProcessor}: a Netty datagram
 * channel of Vert.x's own transport, registered on the calling verticle's event loop. Vert.x's
 * DatagramSocket resolves the recipient's address and flushes on every send, which cost about a
 * third of the throughput (docs/benchmarks.md, "Cluster DNS: history"). Answers computed
 * synchronously are written without flush and flushed once per read batch, so epoll sends a batch
 * with one sendmmsg; epoll also reads batches with recvmmsg and shares the port between event loops
 * with SO_REUSEPORT.
 */
final class UdpEndpoint {
  static final int SOCKET_BUFFER = 1024 * 1024;

  /** Queue of unread queries: room for bursts (the kernel caps it at net.core.rmem_max). */
  static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

  /** Largest query read; longer datagrams are cut (and then answered FORMERR). */
  static final int MAX_QUERY = 2048;

  private static final int BATCH = 32;

  private final DatagramChannel channel;

  private UdpEndpoint(DatagramChannel channel) {
    this.channel = channel;
  }

  static Future<UdpEndpoint> bind(
      Context context, String host, int port, QueryProcessor processor) {
    InetAddress address;
    try {
      address = Address.getByAddress(host);
    } catch (UnknownHostException e) {
      return Future.failedFuture(new IllegalArgumentException("not an address: " + host, e));
    }
    DatagramChannel channel =
        VertxNetty.transport(context.owner())
            .datagramChannel(
                address.getAddress().length == 4
                    ? InternetProtocolFamily.IPv4
                    : InternetProtocolFamily.IPv6);
    channel.config().setOption(ChannelOption.SO_SNDBUF, SOCKET_BUFFER);
    channel.config().setOption(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER);
    if (channel instanceof EpollDatagramChannel) {
      channel.config().setOption(EpollChannelOption.SO_REUSEPORT, true);
      channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_QUERY);
      channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(BATCH * MAX_QUERY));
    } else {
      channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_QUERY));
    }
    channel.pipeline().addLast(new Handler(processor));
    ChannelPromise bound = channel.newPromise();
    VertxNetty.eventLoop(context)
        .register(channel)
        .addListener(
            (ChannelFuture registered) -> {
              if (registered.isSuccess()) {
                channel.bind(new InetSocketAddress(address, port), bound);
              } else {
                bound.setFailure(registered.cause());
              }
            });
    return VertxNetty.onContext(context, bound)
        .<UdpEndpoint>map(v -> new UdpEndpoint(channel))
        .onFailure(e -> channel.close());
  }

  /** The port actually bound. */
  int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    channel.close().addListener(f -> closed.complete());
    return closed.future();
  }

  @ChannelHandler.Sharable
  private static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final QueryProcessor processor;

    Handler(QueryProcessor processor) {
      this.processor = processor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      byte[] query = ByteBufUtil.getBytes(packet.content());
      InetSocketAddress sender = packet.sender();
      ByteBuf cached = processor.cached(query, ctx.alloc());
      if (cached != null) {
        ctx.write(new DatagramPacket(cached, sender));
        return;
      }
      Future<byte[]> answer = processor.process(query, DnsTransport.UDP);
      if (answer.isComplete()) {
        if (answer.result() != null) {
          ctx.write(new DatagramPacket(direct(ctx, answer.result()), sender));
        }
        return;
      }
      answer.onSuccess(
          response -> {
            if (response != null) {
              ctx.writeAndFlush(new DatagramPacket(direct(ctx, response), sender));
            }
          });
    }

    private static ByteBuf direct(ChannelHandlerContext ctx, byte[] bytes) {
      return ctx.alloc().directBuffer(bytes.length).writeBytes(bytes);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A failed read or write of one datagram (e.g. ICMP unreachable): keep serving.
    }
  }
}

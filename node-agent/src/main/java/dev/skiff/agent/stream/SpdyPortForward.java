package dev.skiff.agent.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynReplyFrame;
import io.netty.handler.codec.spdy.DefaultSpdyWindowUpdateFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * kubectl's port-forward protocol on a SPDY/3.1 session (Netty's frame codec, run on the event loop
 * in an embedded channel): per forwarded connection the client opens an {@code error} and a {@code
 * data} stream with headers {@code streamType}, {@code port} and {@code requestID}. Each stream
 * gets its reply; the data stream is joined to a new TCP connection to podIP:port (FIN half-closes
 * it, the pod's end of the connection ends the stream with FIN); a connection that cannot be made
 * is reported on the error stream. Everything here runs on one event loop.
 */
final class SpdyPortForward {
  private static final long HIGH_WATER = 1 << 20;
  private static final long LOW_WATER = 256 << 10;

  private final ByteTransport transport;
  private final NetClient tcp;
  private final String podIp;
  private final String podName;
  private final EmbeddedChannel codec;
  private final Map<Integer, NetSocket> connections = new HashMap<>();
  private final Map<String, Integer> errorStreams = new HashMap<>();

  /** Pod connections paused while the client is behind, resumed when it catches up. */
  private final Set<NetSocket> paused = new HashSet<>();

  /** The transport's context: the session (and its codec) is used from its event loop only. */
  private final Context context = Vertx.currentContext();

  private long unsent;
  private boolean closed;

  private SpdyPortForward(ByteTransport transport, NetClient tcp, String podIp, String podName) {
    this.transport = transport;
    this.tcp = tcp;
    this.podIp = podIp;
    this.podName = podName;
    this.codec =
        new EmbeddedChannel(
            new SpdyFrameCodec(SpdyVersion.SPDY_3_1),
            new SimpleChannelInboundHandler<SpdyFrame>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, SpdyFrame frame) {
                received(frame);
              }
            });
  }

  static void run(ByteTransport transport, NetClient tcp, String podIp, String podName) {
    SpdyPortForward session = new SpdyPortForward(transport, tcp, podIp, podName);
    transport.handler(session::fromClient);
    transport.endHandler(v -> session.close());
  }

  private void fromClient(Buffer bytes) {
    if (closed) {
      return;
    }
    try {
      codec.writeInbound(Unpooled.wrappedBuffer(bytes.getBytes()));
    } catch (RuntimeException e) {
      close();
    }
  }

  private void received(SpdyFrame frame) {
    if (frame instanceof SpdySynStreamFrame syn) {
      opened(syn);
    } else if (frame instanceof SpdyDataFrame data) {
      data(data);
    } else if (frame instanceof SpdyRstStreamFrame rst) {
      NetSocket socket = connections.remove(rst.streamId());
      if (socket != null) {
        socket.close();
      }
    } else if (frame instanceof SpdyPingFrame ping) {
      send(new DefaultSpdyPingFrame(ping.id()));
    } else if (frame instanceof SpdyGoAwayFrame) {
      close();
    }
  }

  private void opened(SpdySynStreamFrame syn) {
    int id = syn.streamId();
    String type = syn.headers().getAsString("streamtype");
    String port = syn.headers().getAsString("port");
    String request = syn.headers().getAsString("requestid");
    send(reply(id, type));
    if ("error".equals(type)) {
      errorStreams.put(request, id);
      return;
    }
    if (!"data".equals(type)) {
      send(new DefaultSpdyRstStreamFrame(id, SpdyStreamStatus.PROTOCOL_ERROR));
      return;
    }
    int number = parsePort(port);
    transport.source().pause();
    tcp.connect(number, podIp)
        .onComplete(
            onLoop(
                ar -> {
                  transport.source().resume();
                  if (ar.failed()) {
                    refused(request, id, number, ar.cause().getMessage());
                  } else {
                    joined(id, ar.result());
                  }
                }));
  }

  /**
   * A reply naming the stream's type: Netty encodes a reply without headers with no header block at
   * all, which spdystream (kubectl) cannot parse.
   */
  private static DefaultSpdySynReplyFrame reply(int id, String type) {
    DefaultSpdySynReplyFrame reply = new DefaultSpdySynReplyFrame(id);
    reply.headers().set("streamtype", type == null ? "unknown" : type);
    return reply;
  }

  private void joined(int id, NetSocket socket) {
    if (closed) {
      socket.close();
      return;
    }
    connections.put(id, socket);
    socket.handler(
        onLoop(
            bytes -> {
              send(new DefaultSpdyDataFrame(id, Unpooled.wrappedBuffer(bytes.getBytes())));
              if (unsent > HIGH_WATER) {
                socket.pause();
                paused.add(socket);
              }
            }));
    socket.endHandler(
        onLoop(
            v -> {
              paused.remove(socket);
              // a pod connection that ends while the client was paused for it must not keep it
              // paused
              transport.source().resume();
              if (connections.remove(id) != null) {
                DefaultSpdyDataFrame fin = new DefaultSpdyDataFrame(id);
                fin.setLast(true);
                send(fin);
              }
            }));
  }

  /** A handler that runs on the session's event loop, whichever loop the event came from. */
  private <T> Handler<T> onLoop(Handler<T> handler) {
    return event -> {
      if (Vertx.currentContext() == context) {
        handler.handle(event);
      } else {
        context.runOnContext(v -> handler.handle(event));
      }
    };
  }

  private void refused(String request, int dataStream, int port, String why) {
    String message =
        "error forwarding port "
            + port
            + " to pod "
            + podName
            + ", uid : failed to connect to "
            + podIp
            + ":"
            + port
            + ": "
            + why;
    Integer errorStream = errorStreams.remove(request);
    if (errorStream != null) {
      DefaultSpdyDataFrame error =
          new DefaultSpdyDataFrame(
              errorStream, Unpooled.copiedBuffer(message, StandardCharsets.UTF_8));
      error.setLast(true);
      send(error);
    }
    DefaultSpdyDataFrame fin = new DefaultSpdyDataFrame(dataStream);
    fin.setLast(true);
    send(fin);
  }

  private void data(SpdyDataFrame frame) {
    int id = frame.streamId();
    int length = frame.content().readableBytes();
    NetSocket socket = connections.get(id);
    if (socket != null && length > 0) {
      byte[] bytes = new byte[length];
      frame.content().readBytes(bytes);
      socket.write(Buffer.buffer(bytes));
      if (socket.writeQueueFull()) {
        transport.source().pause();
        socket.drainHandler(onLoop(v -> transport.source().resume()));
      }
    }
    if (length > 0) {
      send(new DefaultSpdyWindowUpdateFrame(id, length));
      send(new DefaultSpdyWindowUpdateFrame(0, length));
    }
    if (frame.isLast() && socket != null) {
      socket.end();
    }
  }

  private void send(SpdyFrame frame) {
    if (closed) {
      return;
    }
    codec.writeOutbound(frame);
    Buffer bytes = Buffer.buffer();
    ByteBuf out;
    while ((out = codec.readOutbound()) != null) {
      byte[] chunk = new byte[out.readableBytes()];
      out.readBytes(chunk);
      out.release();
      bytes.appendBytes(chunk);
    }
    if (bytes.length() > 0) {
      int length = bytes.length();
      unsent += length;
      transport
          .write(bytes)
          .onComplete(
              onLoop(
                  ar -> {
                    unsent -= length;
                    if (unsent < LOW_WATER && !paused.isEmpty()) {
                      paused.forEach(NetSocket::resume);
                      paused.clear();
                    }
                  }));
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    connections.values().forEach(NetSocket::close);
    paused.clear();
    connections.clear();
    codec.finishAndReleaseAll();
    transport.close();
  }

  private static int parsePort(String port) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException | NullPointerException e) {
      return -1;
    }
  }
}

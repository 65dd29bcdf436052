package dev.skiff.agent.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * The SPDY/3.1 framing of the agent's SPDY sessions (port-forward and exec/attach): Netty's frame
 * codec run in an embedded channel, on the session's event loop only. Decoded frames go to the
 * session as they are parsed; frames to send come back as bytes for the session's transport.
 */
final class SpdyCodec {
  private final EmbeddedChannel channel;

  SpdyCodec(Consumer<SpdyFrame> received) {
    this.channel =
        new EmbeddedChannel(
            new SpdyFrameCodec(SpdyVersion.SPDY_3_1),
            new SimpleChannelInboundHandler<SpdyFrame>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, SpdyFrame frame) {
                received.accept(frame);
              }
            });
  }

  /** Parses what the client sent; throws on a malformed session. */
  void decode(Buffer bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes.getBytes()));
  }

  /** The bytes of one frame. */
  Buffer encode(SpdyFrame frame) {
    channel.writeOutbound(frame);
    Buffer bytes = Buffer.buffer();
    ByteBuf out;
    while ((out = channel.readOutbound()) != null) {
      byte[] chunk = new byte[out.readableBytes()];
      out.readBytes(chunk);
      out.release();
      bytes.appendBytes(chunk);
    }
    return bytes;
  }

  void close() {
    channel.finishAndReleaseAll();
  }

  /**
   * A reply naming the stream's type: Netty encodes a reply without headers with no header block at
   * all, which spdystream (client-go) cannot parse.
   */
  static DefaultSpdySynReplyFrame reply(int id, String type) {
    DefaultSpdySynReplyFrame reply = new DefaultSpdySynReplyFrame(id);
    reply.headers().set("streamtype", type == null ? "unknown" : type);
    return reply;
  }
}

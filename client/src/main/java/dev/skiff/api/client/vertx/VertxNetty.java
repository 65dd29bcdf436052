package dev.skiff.api.client.vertx;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DuplexChannel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.spi.transport.Transport;

/**
 * The only door from Skiff into Vert.x's internal API ({@code io.vertx.core.internal}): the Netty
 * event loops and transport under a {@link Vertx} instance. The service proxy's listeners and the
 * DNS server's UDP socket are Netty channels (or raw epoll handles) registered on Vert.x's own
 * event loops, so that accept, connect and relay of a connection, or read and answer of a query,
 * never change thread and share the loops' native transport; Vert.x's public API exposes neither
 * the loops nor the transport. Everything else (promises, contexts, timers) goes through the public
 * API. Three more needs have no public API either: half-closing a socket ({@link #shutdownOutput}),
 * backpressure that keeps a socket's end after its data ({@link #reading}) and the pipeline of an
 * HTTP server connection ({@link #pipeline}). Checked against Vert.x 5.0.7: {@code
 * VertxInternal.nettyEventLoopGroup()}, {@code VertxInternal.transport()}, {@code
 * ContextInternal.nettyEventLoop()}, {@code NetSocketInternal.channelHandlerContext()}, {@code
 * ConnectionBase.channel()}, {@code VertxInternal.createEventLoopContext()}; a Vert.x upgrade must
 * recheck these calls.
 */
public final class VertxNetty {
  private VertxNetty() {}

  /** The event loops of {@code vertx} (the ones its contexts run on). */
  public static EventLoopGroup eventLoops(Vertx vertx) {
    return ((VertxInternal) vertx).nettyEventLoopGroup();
  }

  /** The event loop {@code context} runs on. */
  public static EventLoop eventLoop(Context context) {
    return ((ContextInternal) context).nettyEventLoop();
  }

  /**
   * A new event-loop context of {@code vertx}, whatever thread asks (the public {@code
   * getOrCreateContext} answers with the caller's context when there is one).
   */
  public static Context newEventLoopContext(Vertx vertx) {
    return ((VertxInternal) vertx).createEventLoopContext();
  }

  /** The transport (epoll or NIO) that {@code vertx}'s event loops serve: its channel types. */
  public static Transport transport(Vertx vertx) {
    return ((VertxInternal) vertx).transport();
  }

  /**
   * Half-closes {@code socket}: sends FIN and keeps reading ({@link NetSocket#end()} closes it both
   * ways). Call it once what was written before is flushed (after the last write's future); a
   * socket that cannot half-close is ended.
   */
  public static void shutdownOutput(NetSocket socket) {
    if (socket instanceof NetSocketInternal internal
        && internal.channelHandlerContext().channel() instanceof DuplexChannel duplex) {
      duplex.shutdownOutput();
    } else {
      socket.end();
    }
  }

  /**
   * Stops or restarts reading {@code socket} from the kernel: backpressure that keeps its data and
   * its end in order. Use it instead of {@link NetSocket#pause()} on a socket whose end matters:
   * Vert.x 5.0.7 keeps what it read while paused in the connection and delivers the end of a peer
   * that closed meanwhile ahead of it (the end handler runs, then the last bytes arrive). Never mix
   * the two on one socket. Any thread (Netty runs the read on the socket's loop).
   */
  public static void reading(NetSocket socket, boolean reading) {
    if (socket instanceof NetSocketInternal internal) {
      internal.channelHandlerContext().channel().config().setAutoRead(reading);
    } else if (reading) {
      socket.resume();
    } else {
      socket.pause();
    }
  }

  /** The Netty pipeline of an HTTP server connection (e.g. from a connection handler), or null. */
  public static ChannelPipeline pipeline(HttpConnection connection) {
    return connection instanceof ConnectionBase base ? base.channel().pipeline() : null;
  }

  /**
   * A Vert.x future of a Netty operation, completed on {@code context} (Netty completes it on its
   * event loop, which may be another one than the context's).
   */
  public static Future<Void> onContext(Context context, io.netty.util.concurrent.Future<?> done) {
    Promise<Void> promise = Promise.promise();
    done.addListener(
        f ->
            context.runOnContext(
                v -> {
                  if (f.isSuccess()) {
                    promise.complete();
                  } else {
                    promise.fail(f.cause());
                  }
                }));
    return promise.future();
  }
}

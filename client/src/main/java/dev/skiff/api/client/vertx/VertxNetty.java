package dev.skiff.api.client.vertx;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.transport.Transport;

/**
 * The only door from Skiff into Vert.x's internal API ({@code io.vertx.core.internal}): the Netty
 * event loops and transport under a {@link Vertx} instance. The service proxy's listeners and the
 * DNS server's UDP socket are Netty channels (or raw epoll handles) registered on Vert.x's own
 * event loops, so that accept, connect and relay of a connection, or read and answer of a query,
 * never change thread and share the loops' native transport; Vert.x's public API exposes neither
 * the loops nor the transport. Everything else (promises, contexts, timers) goes through the public
 * API. Checked against Vert.x 5.0.7: {@code VertxInternal.nettyEventLoopGroup()}, {@code
 * VertxInternal.transport()}, {@code ContextInternal.nettyEventLoop()}, {@code
 * VertxInternal.createEventLoopContext()}; a Vert.x upgrade must recheck these four calls.
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

package dev.skiff.cli.embedded.docker;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Docker Engine calls from a thread that may block, such as the CLI's main thread ({@code skiff up}
 * checks, {@code skiff down} cleanup): a short-lived Vert.x with the native transport the engine
 * client ({@link dev.skiff.agent.runtime.docker.DockerClient}) needs, closed afterwards. Never from
 * an event loop: code that has one composes the futures itself.
 */
public final class BlockingDocker {
  /** Longer than the client's own per-call timeout (30 s), so that one reports a silent engine. */
  private static final long TIMEOUT_SECONDS = 120;

  private BlockingDocker() {}

  /** Runs {@code calls} and waits for their result; their failure is rethrown as an IOException. */
  public static <T> T await(Function<Vertx, Future<T>> calls) throws IOException {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException(
          "blocking Docker calls on an event loop: compose the futures");
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    try {
      return calls
          .apply(vertx)
          .toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException(cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new IOException("the Docker engine did not answer within " + TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      vertx.close();
    }
  }
}

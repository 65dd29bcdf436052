package dev.skiff.agent.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecSession;
import dev.skiff.api.Json;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connects an exec (or attach) session to the client's channels ({@link ExecChannels}): stdout and
 * stderr are pumped to channels 1 and 2 (each pump held back while the client is behind), channel 0
 * goes to stdin (the socket pauses while stdin is behind; v5's close signal half-closes it),
 * channel 4 resizes the terminal. When the command has exited and its output is sent, the exit
 * status goes on channel 3 and the socket closes; a client that goes away ends the session.
 */
final class ExecStreams {
  private static final byte[] EOF = new byte[0];
  private static final int PAUSE_AT = 64;
  private static final int RESUME_AT = 8;
  private static final long OUTPUT_GRACE_SECONDS = 2;

  private final ExecChannels socket;
  private final ExecSession session;
  private final ExecRequest request;
  private final ExecutorService threads;
  private final LinkedBlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();

  private ExecStreams(
      ExecChannels socket, ExecSession session, ExecRequest request, ExecutorService threads) {
    this.socket = socket;
    this.session = session;
    this.request = request;
    this.threads = threads;
  }

  static void run(
      ExecChannels socket, ExecSession session, ExecRequest request, ExecutorService threads) {
    new ExecStreams(socket, session, request, threads).start();
  }

  private void start() {
    socket.closeHandler(v -> clientGone());
    socket.onMessage(this::fromClient);
    if (request.stdin() && session.stdin() != null) {
      threads.execute(this::writeStdin);
    } else if (session.stdin() != null) {
      closeQuietly(session.stdin());
    }
    CompletableFuture<Void> out = pump(session.stdout(), ChannelProtocol.STDOUT);
    CompletableFuture<Void> err = pump(session.stderr(), ChannelProtocol.STDERR);
    CompletableFuture<Void> output = CompletableFuture.allOf(out, err);
    session
        .exitCode()
        .thenCompose(
            code ->
                output
                    .completeOnTimeout(null, OUTPUT_GRACE_SECONDS, TimeUnit.SECONDS)
                    .thenApply(v -> code))
        .whenComplete(
            (code, e) -> {
              if (finished.compareAndSet(false, true)) {
                String status =
                    e == null ? ExecStatus.exited(code) : ExecStatus.failed(e.getMessage());
                socket.send(ChannelProtocol.ERROR, status).onComplete(ar -> socket.close());
              }
            });
  }

  private void fromClient(int channel, Buffer payload) {
    switch (channel) {
      case ChannelProtocol.STDIN -> {
        stdin.add(payload.getBytes());
        if (stdin.size() > PAUSE_AT && paused.compareAndSet(false, true)) {
          socket.pause();
        }
      }
      case ChannelProtocol.RESIZE -> resize(payload);
      case ChannelProtocol.CLOSE -> {
        if (payload.length() > 0 && payload.getUnsignedByte(0) == ChannelProtocol.STDIN) {
          stdin.add(EOF);
        }
      }
      default -> {
        // nothing else is read from the client
      }
    }
  }

  private void resize(Buffer payload) {
    try {
      JsonNode size = Json.mapper().readTree(payload.getBytes());
      int width = size.path("Width").asInt(0);
      int height = size.path("Height").asInt(0);
      threads.execute(() -> session.resize(width, height));
    } catch (IOException e) {
      // a malformed resize is ignored, as the kubelet does
    }
  }

  private void writeStdin() {
    OutputStream in = session.stdin();
    try {
      while (true) {
        byte[] bytes = stdin.take();
        if (bytes == EOF) {
          break;
        }
        in.write(bytes);
        if (stdin.isEmpty()) {
          in.flush();
        }
        if (stdin.size() < RESUME_AT && paused.compareAndSet(true, false)) {
          socket.resume();
        }
      }
    } catch (IOException e) {
      // the command closed its stdin or exited
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(in);
    }
  }

  private CompletableFuture<Void> pump(InputStream from, int channel) {
    if (from == null) {
      return CompletableFuture.completedFuture(null);
    }
    boolean wanted = channel == ChannelProtocol.STDOUT ? request.stdout() : request.stderr();
    return CompletableFuture.runAsync(
        () -> {
          byte[] buffer = new byte[32 * 1024];
          try (from) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
              if (n > 0 && wanted) {
                socket.sendBlocking(channel, buffer, n);
              }
            }
          } catch (IOException e) {
            // the command's end of the pipe is gone
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        threads);
  }

  private void clientGone() {
    stdin.add(EOF);
    if (finished.compareAndSet(false, true)) {
      threads.execute(session::close);
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // already closed
    }
  }
}

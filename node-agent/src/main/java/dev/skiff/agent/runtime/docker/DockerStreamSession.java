package dev.skiff.agent.runtime.docker;

import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.agent.runtime.ExecSession;
import dev.skiff.api.client.vertx.UpgradeDialer;
import dev.skiff.api.client.vertx.VertxNetty;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An exec (or attach) of the Docker runtime on the engine's hijacked stream, as the docker CLI does
 * it: {@code POST /containers/{id}/exec}, then {@code POST /exec/{id}/start} (or {@code POST
 * /containers/{id}/attach}) upgraded to a raw stream. Without a TTY the engine multiplexes stdout
 * and stderr ({@link DockerFrames}); with one, the terminal's output comes raw. stdin is written
 * raw; closing it half-closes the connection (the engine then closes the command's stdin). Resizes
 * go to the engine's resize endpoints; an exec's exit code comes from {@code GET /exec/{id}/json}
 * once its output has ended. The streams are blocking (see {@link ExecSession}); the socket is
 * paused while more than {@link #HIGH_WATER} bytes of output wait for the caller.
 */
final class DockerStreamSession implements ExecSession {
  private static final long HIGH_WATER = 1 << 20;
  private static final long LOW_WATER = 256 << 10;
  private static final byte[] EOF = new byte[0];

  private final Vertx vertx;
  private final DockerClient docker;
  private final NetSocket socket;
  private final boolean tty;
  private final String resizePath;
  private final Pipe stdout = new Pipe();
  private final Pipe stderr;
  private final OutputStream stdin;
  private final boolean halfCloseStdin;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicBoolean paused = new AtomicBoolean();

  private DockerStreamSession(
      Vertx vertx,
      DockerClient docker,
      UpgradeDialer.Answer hijacked,
      ExecRequest request,
      boolean raw,
      boolean halfCloseStdin,
      String resizePath,
      Consumer<DockerStreamSession> onEnd) {
    this.vertx = vertx;
    this.docker = docker;
    this.socket = hijacked.tunnel();
    this.tty = request.tty();
    this.resizePath = resizePath;
    this.halfCloseStdin = halfCloseStdin;
    this.stderr = tty ? null : new Pipe();
    this.stdin = request.stdin() ? new Stdin() : null;
    // a client with a TTY reads one stream: stderr goes with stdout
    DockerFrames frames =
        new DockerFrames(
            (stream, payload) ->
                output(stream.equals("stderr") && stderr != null ? stderr : stdout, payload));
    Handler<Buffer> received =
        bytes -> {
          if (raw) {
            output(stdout, bytes);
          } else {
            frames.feed(bytes);
          }
        };
    socket.handler(received);
    socket.endHandler(
        v -> {
          ended();
          onEnd.accept(this);
        });
    socket.exceptionHandler(e -> socket.close());
    if (hijacked.rest().length() > 0) {
      received.handle(hijacked.rest());
    }
    socket.resume();
  }

  /** Creates an exec of {@code request.command()} in the container and starts it attached. */
  static Future<ExecSession> exec(
      Vertx vertx, DockerClient docker, String containerId, ExecRequest request) {
    JsonObject create =
        new JsonObject()
            .put("AttachStdin", request.stdin())
            .put("AttachStdout", true)
            .put("AttachStderr", !request.tty())
            .put("Tty", request.tty())
            .put("Cmd", new JsonArray(request.command()));
    return docker
        .post("/containers/" + containerId + "/exec", create)
        .compose(
            created -> {
              String id = created.getString("Id");
              return docker
                  .hijack(
                      "/exec/" + id + "/start",
                      new JsonObject().put("Detach", false).put("Tty", request.tty()))
                  .map(
                      hijacked ->
                          new DockerStreamSession(
                              vertx,
                              docker,
                              hijacked,
                              request,
                              request.tty(),
                              true,
                              "/exec/" + id + "/resize",
                              session -> session.inspect(id, 0)));
            });
  }

  /**
   * Joins the container's main process's stdio (its stdin if the container has {@code stdin:
   * true}). Containers of this runtime never run on a terminal, so the output is multiplexed even
   * when the client asks for a TTY (it then gets stderr with stdout) and resizes do nothing. The
   * end of the client's stdin is not passed on: the engine would end the attachment's output with
   * it (its containers are not {@code StdinOnce}), and the container's stdin stays open for the
   * next client, as a container without {@code stdinOnce} keeps it.
   */
  static Future<ExecSession> attach(
      Vertx vertx, DockerClient docker, String containerId, ExecRequest request) {
    String query = "?stream=1&stdin=" + (request.stdin() ? 1 : 0) + "&stdout=1&stderr=1";
    return docker
        .hijack("/containers/" + containerId + "/attach" + query, null)
        .map(
            hijacked ->
                new DockerStreamSession(
                    vertx,
                    docker,
                    hijacked,
                    request,
                    false,
                    false,
                    "/containers/" + containerId + "/resize",
                    session -> session.exit.complete(0)));
  }

  /** The engine may still report the exec running for a moment after its output has ended. */
  private void inspect(String execId, int attempt) {
    docker
        .get("/exec/" + execId + "/json")
        .onSuccess(
            info -> {
              if (info.getBoolean("Running", false) && attempt < 100) {
                vertx.setTimer(20, t -> inspect(execId, attempt + 1));
              } else {
                exit.complete(info.getInteger("ExitCode", -1));
              }
            })
        .onFailure(exit::completeExceptionally);
  }

  private void output(Pipe pipe, Buffer bytes) {
    if (pipe == null || bytes.length() == 0) {
      return;
    }
    pipe.offer(bytes.getBytes());
    if (buffered.addAndGet(bytes.length()) > HIGH_WATER && paused.compareAndSet(false, true)) {
      VertxNetty.reading(socket, false);
    }
  }

  private void ended() {
    stdout.offer(EOF);
    if (stderr != null) {
      stderr.offer(EOF);
    }
  }

  private void consumed(int length) {
    if (buffered.addAndGet(-length) < LOW_WATER && paused.compareAndSet(true, false)) {
      VertxNetty.reading(socket, true);
    }
  }

  @Override
  public OutputStream stdin() {
    return stdin;
  }

  @Override
  public InputStream stdout() {
    return stdout;
  }

  @Override
  public InputStream stderr() {
    return stderr;
  }

  @Override
  public void resize(int width, int height) {
    if (tty && width > 0 && height > 0 && resizePath.startsWith("/exec/")) {
      docker.post(resizePath + "?h=" + height + "&w=" + width, null);
    }
  }

  @Override
  public CompletableFuture<Integer> exitCode() {
    return exit;
  }

  @Override
  public void close() {
    socket.close();
  }

  /** Output waiting for the caller's pump. */
  private final class Pipe extends InputStream {
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current;
    private int position;
    private boolean done;

    void offer(byte[] chunk) {
      chunks.add(chunk);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (current == null || position == current.length) {
        try {
          current = chunks.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
        position = 0;
        if (current == EOF) {
          done = true;
          return -1;
        }
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, into, offset, n);
      position += n;
      consumed(n);
      return n;
    }
  }

  /** The command's stdin: each write waits until the engine's socket has taken it. */
  private final class Stdin extends OutputStream {
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (closed.get()) {
        throw new IOException("stdin is closed");
      }
      try {
        socket
            .write(Buffer.buffer(length).appendBytes(bytes, offset, length))
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("the engine's stream is gone", e);
      }
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true) && halfCloseStdin) {
        VertxNetty.shutdownOutput(socket);
      }
    }
  }
}

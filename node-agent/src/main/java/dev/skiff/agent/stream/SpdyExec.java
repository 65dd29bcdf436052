package dev.skiff.agent.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.agent.runtime.ExecRequest;
import dev.skiff.api.Json;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdyWindowUpdateFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * client-go's SPDY remote command protocol (kubectl's fallback from WebSockets, and programs on
 * client-go's SPDY executor), {@code v4.channel.k8s.io} down to {@code channel.k8s.io}: on a
 * SPDY/3.1 session ({@link SpdyCodec}) the client opens one stream per channel, each with a {@code
 * streamType} header: {@code error}, then {@code stdin}, {@code stdout}, {@code stderr} as asked
 * for, and {@code resize} (v3 and later, with a TTY; a series of JSON sizes). Once all the streams
 * the request asks for are open, as the kubelet does, the session is handed to {@link ExecStreams}
 * as {@link ExecChannels}: stdin's FIN is the close signal of stdin; the exit status goes on the
 * error stream (v4: a Status; earlier versions: the failure's text only); then the streams are
 * closed and the connection with them. Frames are handled on the transport's event loop; sends from
 * other threads hop onto it.
 */
final class SpdyExec implements ExecChannels {
  /** The channel protocols a SPDY exec may negotiate, preferred first. */
  static final List<String> PROTOCOLS =
      List.of(ChannelProtocol.V4, "v3.channel.k8s.io", "v2.channel.k8s.io", "channel.k8s.io");

  private static final long STREAMS_TIMEOUT_MS = 30_000;
  private static final int IN_FLIGHT = 32;

  private final ByteTransport transport;
  private final String protocol;
  private final List<String> expected;
  private final SpdyCodec codec = new SpdyCodec(this::received);
  private final Context context = Vertx.currentContext();
  private final Map<String, Integer> streams = new HashMap<>();
  private final Promise<ExecChannels> ready = Promise.promise();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

  /** What arrived before the exec started, delivered to the handler in order. */
  private final List<Object[]> early = new ArrayList<>();

  private final StringBuilder resizes = new StringBuilder();
  private BiConsumer<Integer, Buffer> handler;
  private Handler<Void> closeHandler;
  private Future<Void> lastWrite = Future.succeededFuture();
  private boolean closed;
  private boolean gone;

  private SpdyExec(ByteTransport transport, String protocol, ExecRequest request) {
    this.transport = transport;
    this.protocol = protocol;
    List<String> types = new ArrayList<>(List.of("error"));
    if (request.stdin()) {
      types.add("stdin");
    }
    if (request.stdout()) {
      types.add("stdout");
    }
    if (request.stderr()) {
      types.add("stderr");
    }
    if (request.tty()
        && !protocol.equals("v2.channel.k8s.io")
        && !protocol.equals("channel.k8s.io")) {
      types.add("resize");
    }
    this.expected = types;
  }

  /**
   * Runs the session on {@code transport} (called on its event loop); completes once the client has
   * opened the streams the request asks for, fails if it has not within 30 s.
   */
  static Future<ExecChannels> start(ByteTransport transport, String protocol, ExecRequest request) {
    SpdyExec session = new SpdyExec(transport, protocol, request);
    transport.handler(session::fromClient);
    transport.endHandler(v -> session.ended());
    long timer =
        session
            .context
            .owner()
            .setTimer(
                STREAMS_TIMEOUT_MS,
                t -> {
                  if (session.ready.tryFail("timed out waiting for client to create streams")) {
                    session.close();
                  }
                });
    return session.ready.future().onComplete(ar -> session.context.owner().cancelTimer(timer));
  }

  private void fromClient(Buffer bytes) {
    if (closed) {
      return;
    }
    try {
      codec.decode(bytes);
    } catch (RuntimeException e) {
      ended();
    }
  }

  private void received(SpdyFrame frame) {
    if (frame instanceof SpdySynStreamFrame syn) {
      String type = syn.headers().getAsString("streamtype");
      write(codec.encode(SpdyCodec.reply(syn.streamId(), type)));
      if (type != null) {
        streams.put(type, syn.streamId());
      }
      if (streams.keySet().containsAll(expected)) {
        ready.tryComplete(this);
      }
    } else if (frame instanceof SpdyDataFrame data) {
      data(data);
    } else if (frame instanceof SpdyRstStreamFrame rst) {
      if (Integer.valueOf(rst.streamId()).equals(streams.get("stdin"))) {
        deliver(ChannelProtocol.CLOSE, Buffer.buffer(new byte[] {ChannelProtocol.STDIN}));
      }
    } else if (frame instanceof SpdyPingFrame ping) {
      write(codec.encode(new DefaultSpdyPingFrame(ping.id())));
    } else if (frame instanceof SpdyGoAwayFrame) {
      ended();
    }
  }

  private void data(SpdyDataFrame frame) {
    int id = frame.streamId();
    int length = frame.content().readableBytes();
    byte[] bytes = new byte[length];
    frame.content().readBytes(bytes);
    if (length > 0) {
      write(codec.encode(new DefaultSpdyWindowUpdateFrame(id, length)));
      write(codec.encode(new DefaultSpdyWindowUpdateFrame(0, length)));
    }
    boolean stdin = Integer.valueOf(id).equals(streams.get("stdin"));
    if (stdin && length > 0) {
      deliver(ChannelProtocol.STDIN, Buffer.buffer(bytes));
    } else if (Integer.valueOf(id).equals(streams.get("resize"))) {
      resizes.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      resized();
    }
    if (stdin && frame.isLast()) {
      deliver(ChannelProtocol.CLOSE, Buffer.buffer(new byte[] {ChannelProtocol.STDIN}));
    }
  }

  /** client-go writes each size as a JSON object followed by a newline. */
  private void resized() {
    int end;
    while ((end = resizes.indexOf("\n")) >= 0) {
      String size = resizes.substring(0, end).trim();
      resizes.delete(0, end + 1);
      if (!size.isEmpty()) {
        deliver(ChannelProtocol.RESIZE, Buffer.buffer(size));
      }
    }
  }

  private void deliver(int channel, Buffer payload) {
    if (handler == null) {
      early.add(new Object[] {channel, payload});
    } else {
      handler.accept(channel, payload);
    }
  }

  @Override
  public void onMessage(BiConsumer<Integer, Buffer> handler) {
    onLoop(
        () -> {
          this.handler = handler;
          early.forEach(m -> handler.accept((Integer) m[0], (Buffer) m[1]));
          early.clear();
        });
  }

  @Override
  public Future<Void> send(int channel, Buffer payload) {
    Promise<Void> sent = Promise.promise();
    onLoop(() -> sendOnLoop(channel, payload).onComplete(sent));
    return sent.future();
  }

  private Future<Void> sendOnLoop(int channel, Buffer payload) {
    String type =
        switch (channel) {
          case ChannelProtocol.STDOUT -> "stdout";
          case ChannelProtocol.STDERR -> "stderr";
          case ChannelProtocol.ERROR -> "error";
          default -> null;
        };
    Integer id = type == null ? null : streams.get(type);
    if (channel == ChannelProtocol.ERROR && !protocol.equals(ChannelProtocol.V4)) {
      payload = textError(payload);
    }
    if (id == null || payload.length() == 0) {
      return Future.succeededFuture();
    }
    return write(
        codec.encode(new DefaultSpdyDataFrame(id, Unpooled.wrappedBuffer(payload.getBytes()))));
  }

  /** Before v4 the error stream carries only a failure's message, as text. */
  private static Buffer textError(Buffer status) {
    try {
      JsonNode s = Json.mapper().readTree(status.getBytes());
      return s.path("status").asText().equals("Success")
          ? Buffer.buffer()
          : Buffer.buffer(s.path("message").asText());
    } catch (IOException e) {
      return status;
    }
  }

  @Override
  public void sendBlocking(int channel, byte[] bytes, int length) throws InterruptedException {
    inFlight.acquire();
    send(channel, Buffer.buffer(length).appendBytes(bytes, 0, length))
        .onComplete(ar -> inFlight.release());
  }

  @Override
  public void pause() {
    onLoop(() -> transport.reading(false));
  }

  @Override
  public void resume() {
    onLoop(() -> transport.reading(true));
  }

  @Override
  public void closeHandler(Handler<Void> closed) {
    onLoop(
        () -> {
          if (gone) {
            closed.handle(null);
          } else {
            closeHandler = closed;
          }
        });
  }

  /** FIN on the server's streams, then the connection closes once they are written. */
  @Override
  public void close() {
    onLoop(
        () -> {
          if (closed) {
            return;
          }
          for (String type : List.of("stdout", "stderr", "error")) {
            Integer id = streams.get(type);
            if (id != null) {
              DefaultSpdyDataFrame fin = new DefaultSpdyDataFrame(id);
              fin.setLast(true);
              write(codec.encode(fin));
            }
          }
          closed = true;
          lastWrite.onComplete(ar -> transport.close());
        });
  }

  /** The client went away (or broke the session). */
  private void ended() {
    if (gone) {
      return;
    }
    gone = true;
    closed = true;
    codec.close();
    ready.tryFail("the client closed the connection");
    transport.close();
    if (closeHandler != null) {
      closeHandler.handle(null);
    }
  }

  private Future<Void> write(Buffer bytes) {
    if (closed || bytes.length() == 0) {
      return Future.succeededFuture();
    }
    lastWrite = transport.write(bytes);
    return lastWrite;
  }

  /**
   * Runs a call of {@link ExecChannels} on the session's event loop, always as a task, even when
   * made on it: the calls then take effect in the order they were made (the exit status sent on the
   * loop must not overtake output that a pump thread queued before it).
   */
  private void onLoop(Runnable task) {
    context.runOnContext(v -> task.run());
  }
}

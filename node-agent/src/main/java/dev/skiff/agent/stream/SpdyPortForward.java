package dev.skiff.agent.stream;

import dev.skiff.api.client.vertx.VertxNetty;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdyWindowUpdateFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kubectl's port-forward protocol on a SPDY/3.1 session ({@link SpdyCodec}): per forwarded
 * connection the client opens an {@code error} and a {@code data} stream with headers {@code
 * streamType}, {@code port} and {@code requestID}. Each stream gets its reply; the data stream is
 * joined to a new TCP connection to podIP:port ({@link PodConnection}). A connection that cannot be
 * made is reported on the error stream. As the kubelet does, the error stream is closed (FIN) once
 * the connection is over both ways: kubectl closes its local connection only then. Everything here
 * runs on the transport's event loop.
 *
 * <p>Backpressure: pod connections are paused while more than {@link #HIGH_WATER} bytes sent to the
 * client are not yet written out, and resumed below {@link #LOW_WATER}; the client's transport is
 * paused while any pod connection's write queue is full.
 */
final class SpdyPortForward {
  private static final long HIGH_WATER = 1 << 20;
  private static final long LOW_WATER = 256 << 10;

  private final ByteTransport transport;
  private final NetClient tcp;
  private final String podIp;
  private final String podName;
  private final SpdyCodec codec;

  /** Open forwards by data stream id. */
  private final Map<Integer, PodConnection> forwards = new HashMap<>();

  /** Error streams by request id, until their data stream arrives. */
  private final Map<String, Integer> errorStreams = new HashMap<>();

  /** Forwards whose pod connection is paused because the client is behind. */
  private final Set<PodConnection> pausedForClient = new HashSet<>();

  /** Forwards that cannot take more of the client's bytes now: the transport is paused for them. */
  private final Set<PodConnection> blockingClient = new HashSet<>();

  /** The transport's context: the session (and its codec) is used from its event loop only. */
  private final Context context = Vertx.currentContext();

  /**
   * That event loop's thread. Pod connections are made from it, so their events come on it too, but
   * from contexts of their own (Vert.x 5 hands each connection a context of its own on the same
   * loop): comparing contexts would defer some events and not others, and reorder them.
   */
  private final Thread loop = Thread.currentThread();

  private long unsent;
  private boolean closed;

  /**
   * While a client buffer is decoded: the frames it causes (replies, window updates), one write.
   */
  private Buffer batch;

  private SpdyPortForward(ByteTransport transport, NetClient tcp, String podIp, String podName) {
    this.transport = transport;
    this.tcp = tcp;
    this.podIp = podIp;
    this.podName = podName;
    this.codec = new SpdyCodec(this::received);
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
    batch = Buffer.buffer();
    try {
      codec.decode(bytes);
    } catch (RuntimeException e) {
      close();
    } finally {
      Buffer caused = batch;
      batch = null;
      write(caused);
    }
  }

  private void received(SpdyFrame frame) {
    if (frame instanceof SpdySynStreamFrame syn) {
      opened(syn);
    } else if (frame instanceof SpdyDataFrame data) {
      data(data);
    } else if (frame instanceof SpdyRstStreamFrame rst) {
      PodConnection forward = forwards.get(rst.streamId());
      if (forward != null) {
        forward.reset();
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
    String request = syn.headers().getAsString("requestid");
    send(SpdyCodec.reply(id, type));
    if ("error".equals(type)) {
      errorStreams.put(request, id);
      return;
    }
    if (!"data".equals(type)) {
      send(new DefaultSpdyRstStreamFrame(id, SpdyStreamStatus.PROTOCOL_ERROR));
      return;
    }
    int port = parsePort(syn.headers().getAsString("port"));
    PodConnection forward = new PodConnection(id, errorStreams.remove(request), port);
    forwards.put(id, forward);
    tcp.connect(port, podIp)
        .onComplete(
            onLoop(
                ar -> {
                  if (ar.failed()) {
                    forward.refused(ar.cause().getMessage());
                  } else {
                    forward.connected(ar.result());
                  }
                }));
  }

  private void data(SpdyDataFrame frame) {
    int id = frame.streamId();
    int length = frame.content().readableBytes();
    PodConnection forward = forwards.get(id);
    if (forward != null && length > 0) {
      byte[] bytes = new byte[length];
      frame.content().readBytes(bytes);
      forward.fromClient(Buffer.buffer(bytes));
    }
    if (length > 0) {
      send(new DefaultSpdyWindowUpdateFrame(id, length));
      send(new DefaultSpdyWindowUpdateFrame(0, length));
    }
    if (frame.isLast() && forward != null) {
      forward.clientFinished();
    }
  }

  /**
   * A handler that runs on the session's event loop: at once when the event comes on it (keeping
   * the order of a socket's data and end), else as a task of the session's context.
   */
  private <T> Handler<T> onLoop(Handler<T> handler) {
    return event -> {
      if (Thread.currentThread() == loop) {
        handler.handle(event);
      } else {
        context.runOnContext(v -> handler.handle(event));
      }
    };
  }

  private void send(SpdyFrame frame) {
    if (closed) {
      return;
    }
    Buffer bytes = codec.encode(frame);
    if (batch != null) {
      batch.appendBuffer(bytes);
    } else {
      write(bytes);
    }
  }

  private void write(Buffer bytes) {
    if (closed || bytes.length() == 0) {
      return;
    }
    int length = bytes.length();
    unsent += length;
    transport.write(bytes).onComplete(onLoop(ar -> written(length)));
  }

  private void written(int length) {
    unsent -= length;
    if (unsent < LOW_WATER && !pausedForClient.isEmpty()) {
      // resuming delivers what a connection holds at once, which may pause it again: take the set
      // first so that such a connection stays in it
      List<PodConnection> resuming = new ArrayList<>(pausedForClient);
      pausedForClient.clear();
      resuming.forEach(PodConnection::resume);
    }
  }

  /** Pauses the client's transport while any forward is behind, resumes it when none is. */
  private void clientFlow() {
    if (closed) {
      return;
    }
    if (blockingClient.isEmpty()) {
      transport.source().resume();
    } else {
      transport.source().pause();
    }
  }

  private void sendFin(int stream) {
    DefaultSpdyDataFrame fin = new DefaultSpdyDataFrame(stream);
    fin.setLast(true);
    send(fin);
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    new ArrayList<>(forwards.values()).forEach(PodConnection::abort);
    forwards.clear();
    pausedForClient.clear();
    blockingClient.clear();
    codec.close();
    transport.close();
  }

  private static int parsePort(String port) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException | NullPointerException e) {
      return -1;
    }
  }

  /**
   * One forwarded connection: a data stream joined to a TCP connection to the pod, each side's end
   * passed on as a half-close (the client's FIN shuts down the output to the pod once what came
   * before it is written; the pod's end becomes the data stream's FIN). It is over when both sides
   * are done, or when the client resets the data stream; the error stream is then closed.
   */
  private final class PodConnection {
    private final int dataStream;
    private final Integer errorStream;
    private final int port;

    /** Null while connecting. */
    private NetSocket socket;

    /** What the client sent while the connection was being made. */
    private Buffer early = Buffer.buffer();

    private Future<Void> lastWrite = Future.succeededFuture();
    private boolean clientDone;
    private boolean podDone;

    PodConnection(int dataStream, Integer errorStream, int port) {
      this.dataStream = dataStream;
      this.errorStream = errorStream;
      this.port = port;
    }

    void connected(NetSocket socket) {
      if (closed || !forwards.containsKey(dataStream)) {
        socket.close();
        return;
      }
      this.socket = socket;
      socket.handler(onLoop(this::fromPod));
      socket.endHandler(onLoop(v -> podEnded()));
      if (early.length() > 0) {
        write(early);
      }
      early = null;
      blockingClient.remove(this);
      clientFlow();
      if (clientDone) {
        shutdownOutput();
      }
    }

    void refused(String why) {
      if (closed || !forwards.containsKey(dataStream)) {
        return;
      }
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
      if (errorStream != null) {
        send(
            new DefaultSpdyDataFrame(
                errorStream, Unpooled.copiedBuffer(message, StandardCharsets.UTF_8)));
      }
      podDone = true;
      sendFin(dataStream);
      finish();
    }

    void fromClient(Buffer bytes) {
      if (clientDone) {
        return;
      }
      if (socket == null) {
        early.appendBuffer(bytes);
        if (early.length() > HIGH_WATER) {
          blockingClient.add(this);
          clientFlow();
        }
        return;
      }
      write(bytes);
    }

    private void write(Buffer bytes) {
      lastWrite = socket.write(bytes);
      if (socket.writeQueueFull() && blockingClient.add(this)) {
        clientFlow();
        socket.drainHandler(
            onLoop(
                v -> {
                  if (blockingClient.remove(this)) {
                    clientFlow();
                  }
                }));
      }
    }

    void clientFinished() {
      clientDone = true;
      if (socket != null) {
        shutdownOutput();
      }
      if (podDone) {
        finish();
      }
    }

    /** Shuts down the output to the pod once everything before it has been written. */
    private void shutdownOutput() {
      NetSocket target = socket;
      lastWrite.onComplete(onLoop(ar -> VertxNetty.shutdownOutput(target)));
    }

    private void fromPod(Buffer bytes) {
      if (podDone) {
        return;
      }
      send(new DefaultSpdyDataFrame(dataStream, Unpooled.wrappedBuffer(bytes.getBytes())));
      if (unsent > HIGH_WATER && pausedForClient.add(this)) {
        VertxNetty.reading(socket, false);
      }
    }

    void resume() {
      if (socket != null) {
        VertxNetty.reading(socket, true);
      }
    }

    private void podEnded() {
      if (podDone) {
        return;
      }
      podDone = true;
      sendFin(dataStream);
      if (clientDone) {
        finish();
      }
    }

    /** The client reset the data stream: it takes nothing more, and sends nothing more. */
    void reset() {
      clientDone = true;
      podDone = true;
      if (socket != null) {
        socket.close();
      }
      finish();
    }

    /** The session ends. */
    void abort() {
      if (socket != null) {
        socket.close();
      }
    }

    private void finish() {
      if (forwards.remove(dataStream) == null) {
        return;
      }
      pausedForClient.remove(this);
      if (blockingClient.remove(this)) {
        clientFlow();
      }
      if (errorStream != null) {
        sendFin(errorStream);
      }
    }
  }
}

package dev.skiff.agent.stream;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * The numbered channels of an exec or attach ({@link ChannelProtocol}: 0 stdin, 1 stdout, 2 stderr,
 * 3 error, 4 resize, 255 close signal) over what the client connected with: a WebSocket ({@link
 * ChannelSocket}) or the streams of a SPDY session ({@link SpdyExec}). Sends may come from any
 * thread.
 */
interface ExecChannels {
  /** Delivers each client message as (channel, payload). */
  void onMessage(BiConsumer<Integer, Buffer> handler);

  Future<Void> send(int channel, Buffer payload);

  default Future<Void> send(int channel, String text) {
    return send(channel, Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@link #send}, waiting (off the event loop) while the client is behind. */
  void sendBlocking(int channel, byte[] bytes, int length) throws InterruptedException;

  /** Stops reading from the client (stdin is behind). */
  void pause();

  void resume();

  /** Called once when the client has gone. */
  void closeHandler(Handler<Void> closed);

  /** Ends the exchange once what was sent before is written. */
  void close();
}

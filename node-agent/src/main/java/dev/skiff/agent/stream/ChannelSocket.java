package dev.skiff.agent.stream;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * A WebSocket speaking Kubernetes' channel protocol: every message starts with its channel number
 * (binary: one byte; base64 protocols: an ASCII digit, then the payload in base64). Writes may come
 * from any thread; {@link #sendBlocking} waits while too many messages are in flight, which is how
 * a pump reading a process's output is held back by a slow client.
 */
final class ChannelSocket implements ExecChannels {
  private static final int IN_FLIGHT = 32;

  private final ServerWebSocket ws;
  private final boolean base64;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

  ChannelSocket(ServerWebSocket ws) {
    this.ws = ws;
    this.base64 = ChannelProtocol.base64(ws.subProtocol());
  }

  String protocol() {
    return ws.subProtocol();
  }

  ServerWebSocket webSocket() {
    return ws;
  }

  @Override
  public void onMessage(BiConsumer<Integer, Buffer> handler) {
    ws.binaryMessageHandler(
        message -> {
          if (message.length() > 0) {
            handler.accept(
                (int) message.getUnsignedByte(0), message.getBuffer(1, message.length()));
          }
        });
    ws.textMessageHandler(
        text -> {
          if (!text.isEmpty()) {
            byte[] payload = Base64.getDecoder().decode(text.substring(1));
            handler.accept(text.charAt(0) - '0', Buffer.buffer(payload));
          }
        });
  }

  @Override
  public Future<Void> send(int channel, Buffer payload) {
    if (base64) {
      return ws.writeTextMessage(
          (char) ('0' + channel) + Base64.getEncoder().encodeToString(payload.getBytes()));
    }
    return ws.writeBinaryMessage(
        Buffer.buffer(payload.length() + 1).appendByte((byte) channel).appendBuffer(payload));
  }

  @Override
  public void sendBlocking(int channel, byte[] bytes, int length) throws InterruptedException {
    inFlight.acquire();
    send(channel, Buffer.buffer(length).appendBytes(bytes, 0, length))
        .onComplete(ar -> inFlight.release());
  }

  @Override
  public void pause() {
    ws.pause();
  }

  @Override
  public void resume() {
    ws.resume();
  }

  @Override
  public void closeHandler(Handler<Void> closed) {
    ws.closeHandler(closed);
  }

  @Override
  public void close() {
    ws.close((short) 1000);
  }
}

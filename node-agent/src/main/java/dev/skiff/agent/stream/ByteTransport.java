package dev.skiff.agent.stream;

import dev.skiff.api.client.vertx.VertxNetty;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetSocket;
import io.vertx.core.streams.ReadStream;

/**
 * A byte stream a SPDY session runs on: an upgraded connection, or the binary messages of a
 * WebSocket (the KEP-4006 tunnel). Writes complete when the bytes are handed to the kernel, which
 * is what the session's backpressure counts.
 */
interface ByteTransport {
  void handler(Handler<Buffer> bytes);

  void endHandler(Handler<Void> ended);

  Future<Void> write(Buffer bytes);

  ReadStream<Buffer> source();

  /**
   * Stops or restarts reading from the client. A socket stops at the socket ({@link
   * VertxNetty#reading}), not with {@code pause()}, whose end can overtake the last bytes.
   */
  void reading(boolean reading);

  void close();

  static ByteTransport of(NetSocket socket) {
    return new ByteTransport() {
      @Override
      public void handler(Handler<Buffer> bytes) {
        socket.handler(bytes);
      }

      @Override
      public void endHandler(Handler<Void> ended) {
        socket.closeHandler(ended);
      }

      @Override
      public Future<Void> write(Buffer bytes) {
        return socket.write(bytes);
      }

      @Override
      public ReadStream<Buffer> source() {
        return socket;
      }

      @Override
      public void reading(boolean reading) {
        VertxNetty.reading(socket, reading);
      }

      @Override
      public void close() {
        socket.close();
      }
    };
  }

  static ByteTransport of(ServerWebSocket ws) {
    return new ByteTransport() {
      @Override
      public void handler(Handler<Buffer> bytes) {
        ws.binaryMessageHandler(bytes);
      }

      @Override
      public void endHandler(Handler<Void> ended) {
        ws.closeHandler(ended);
      }

      @Override
      public Future<Void> write(Buffer bytes) {
        return ws.writeBinaryMessage(bytes);
      }

      @Override
      public ReadStream<Buffer> source() {
        return ws;
      }

      @Override
      public void reading(boolean reading) {
        if (reading) {
          ws.resume();
        } else {
          ws.pause();
        }
      }

      @Override
      public void close() {
        ws.close();
      }
    };
  }
}

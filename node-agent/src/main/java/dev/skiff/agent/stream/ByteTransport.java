package dev.skiff.agent.stream;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetSocket;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

/**
 * A byte stream a SPDY session runs on: an upgraded connection, or the binary messages of a
 * WebSocket (the KEP-4006 tunnel). Both directions with backpressure.
 */
interface ByteTransport {
  void handler(Handler<Buffer> bytes);

  void endHandler(Handler<Void> ended);

  void write(Buffer bytes);

  WriteStream<Buffer> sink();

  ReadStream<Buffer> source();

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
      public void write(Buffer bytes) {
        socket.write(bytes);
      }

      @Override
      public WriteStream<Buffer> sink() {
        return socket;
      }

      @Override
      public ReadStream<Buffer> source() {
        return socket;
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
      public void write(Buffer bytes) {
        ws.writeBinaryMessage(bytes);
      }

      @Override
      public WriteStream<Buffer> sink() {
        return ws;
      }

      @Override
      public ReadStream<Buffer> source() {
        return ws;
      }

      @Override
      public void close() {
        ws.close();
      }
    };
  }
}

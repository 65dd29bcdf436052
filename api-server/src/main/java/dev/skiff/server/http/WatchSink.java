package dev.skiff.server.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * Where a watch's events go, as kube-apiserver sends them: a chunked HTTP response with one JSON
 * event per line, or, when the client asked for a WebSocket (fabric8's default), one JSON event per
 * text message.
 */
interface WatchSink {
  /** Starts the stream; {@code closed} runs when the client goes away. */
  void open(int writeQueueMaxSize, Handler<Void> closed);

  /** One event's JSON, {@code {"type":...,"object":...}}. */
  void write(Buffer event);

  boolean writeQueueFull();

  void drainHandler(Handler<Void> drained);

  boolean closed();

  /** Ends the stream normally. */
  void end();

  /** Drops the stream and what it holds unsent (a client that does not read). */
  void abort();

  static WatchSink http(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    return new WatchSink() {
      @Override
      public void open(int writeQueueMaxSize, Handler<Void> closed) {
        response
            .setStatusCode(200)
            .setChunked(true)
            .putHeader(HttpHeaders.CONTENT_TYPE, Replies.JSON);
        response.setWriteQueueMaxSize(writeQueueMaxSize);
        response.closeHandler(closed);
        response.writeHead();
      }

      @Override
      public void write(Buffer event) {
        response.write(event.appendString("\n"));
      }

      @Override
      public boolean writeQueueFull() {
        return response.writeQueueFull();
      }

      @Override
      public void drainHandler(Handler<Void> drained) {
        response.drainHandler(drained);
      }

      @Override
      public boolean closed() {
        return response.closed();
      }

      @Override
      public void end() {
        if (!response.ended() && !response.closed()) {
          response.end();
        }
      }

      @Override
      public void abort() {
        // HTTP/2: reset the stream; HTTP/1.1: the connection is the stream
        if (ctx.request().version() == HttpVersion.HTTP_2) {
          response.reset();
        } else {
          ctx.request().connection().close();
        }
      }
    };
  }

  static WatchSink webSocket(RoutingContext ctx, ServerWebSocket ws) {
    return new WatchSink() {
      private boolean closed;

      @Override
      public void open(int writeQueueMaxSize, Handler<Void> onClose) {
        ws.setWriteQueueMaxSize(writeQueueMaxSize);
        ws.closeHandler(
            v -> {
              closed = true;
              onClose.handle(null);
            });
        // a client's messages carry nothing for a watch; reading them keeps the socket flowing
        ws.handler(bytes -> {});
      }

      @Override
      public void write(Buffer event) {
        ws.writeTextMessage(event.toString());
      }

      @Override
      public boolean writeQueueFull() {
        return ws.writeQueueFull();
      }

      @Override
      public void drainHandler(Handler<Void> drained) {
        ws.drainHandler(drained);
      }

      @Override
      public boolean closed() {
        return closed || ws.isClosed();
      }

      @Override
      public void end() {
        if (!closed()) {
          ws.close();
        }
      }

      @Override
      public void abort() {
        closed = true;
        ctx.request().connection().close();
      }
    };
  }
}

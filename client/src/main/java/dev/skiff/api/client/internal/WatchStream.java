package dev.skiff.api.client.internal;

import dev.skiff.api.Json;
import dev.skiff.api.client.Watch;
import dev.skiff.api.model.meta.WatchEvent;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * One watch: a chunked stream of newline-delimited {@code {"type":..,"object":..}} lines. ERROR
 * events are handed to the handler and then end the watch with their Status; an undecodable line or
 * a handler that throws ends it too (the caller re-lists, as client-go's reflector does).
 */
public final class WatchStream implements Watch {
  private static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

  private final Handler<WatchEvent> handler;
  private final Promise<Void> ready = Promise.promise();
  private final Promise<Void> done = Promise.promise();
  private final LineDecoder decoder = new LineDecoder(MAX_EVENT_BYTES, this::onLine);
  private volatile HttpClientResponse response;
  private volatile boolean closed;

  private WatchStream(Handler<WatchEvent> handler) {
    this.handler = handler;
  }

  /** Opens the stream at {@code uri} (a collection path with {@code watch=true}). */
  public static WatchStream open(Transport transport, String uri, Handler<WatchEvent> handler) {
    WatchStream watch = new WatchStream(handler);
    transport.stream(uri)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                watch.attach(ar.result());
              } else {
                watch.finish(ar.cause());
              }
            });
    return watch;
  }

  private void attach(HttpClientResponse resp) {
    response = resp;
    if (closed) {
      abort();
      return;
    }
    resp.handler(this::onChunk);
    resp.exceptionHandler(this::finish);
    resp.endHandler(v -> onEnd());
    ready.tryComplete();
    resp.resume();
  }

  private void onChunk(Buffer chunk) {
    if (closed) {
      return;
    }
    try {
      decoder.feed(chunk);
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void onEnd() {
    if (closed) {
      return;
    }
    try {
      decoder.finish();
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    finish(null);
  }

  private void onLine(Buffer line) {
    if (closed) {
      return;
    }
    WatchEvent event;
    try {
      event = Json.mapper().readValue(line.getBytes(), WatchEvent.class);
    } catch (Exception e) {
      throw StatusErrors.undecodable("watch event", e);
    }
    if (event.type == null || event.object == null) {
      throw StatusErrors.undecodable("watch event", new IllegalArgumentException("no type/object"));
    }
    handler.handle(event);
    if (WatchEvent.ERROR.equals(event.type)) {
      fail(StatusErrors.fromWatchError(event.object));
    }
  }

  /** Ends with an error detected on our side: drop the connection so no more data is read. */
  private void fail(Throwable error) {
    finish(error);
    abort();
  }

  private void finish(Throwable error) {
    closed = true;
    if (error == null) {
      ready.tryComplete();
      done.tryComplete();
    } else {
      ready.tryFail(error);
      done.tryFail(error);
    }
  }

  private void abort() {
    if (response != null) {
      response.handler(null);
      response.request().reset();
    }
  }

  @Override
  public Future<Void> ready() {
    return ready.future();
  }

  @Override
  public Future<Void> done() {
    return done.future();
  }

  @Override
  public void close() {
    if (!closed) {
      finish(null);
      abort();
    }
  }
}

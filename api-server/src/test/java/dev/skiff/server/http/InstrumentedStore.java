package dev.skiff.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.server.store.ListResult;
import dev.skiff.server.store.Store;
import dev.skiff.server.store.StoreEvent;
import dev.skiff.server.store.StoreKey;
import dev.skiff.server.store.StoreWatch;
import dev.skiff.server.store.UpdateFunction;
import dev.skiff.server.store.WatchRequest;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real store that also counts its open watches (opened and not yet closed) and fails creates of
 * objects named {@link #EXPLODING} with an unexpected exception, as a bug would.
 */
final class InstrumentedStore implements Store {
  static final String EXPLODING = "explode";

  private final Store delegate;
  private final AtomicInteger open = new AtomicInteger();

  InstrumentedStore(Store delegate) {
    this.delegate = delegate;
  }

  int openWatches() {
    return open.get();
  }

  @Override
  public Future<StoreWatch> watch(
      WatchRequest request, Handler<StoreEvent> handler, Handler<Void> onClose) {
    return delegate
        .watch(request, handler, onClose)
        .map(
            watch -> {
              open.incrementAndGet();
              return new StoreWatch() {
                private boolean closed;

                @Override
                public void close() {
                  if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                  }
                  watch.close();
                }
              };
            });
  }

  @Override
  public Future<ObjectNode> create(StoreKey key, ObjectNode object) {
    if (key.name().equals(EXPLODING)) {
      throw new IllegalStateException("internal detail that must not reach the client");
    }
    return delegate.create(key, object);
  }

  @Override
  public Future<ObjectNode> get(StoreKey key) {
    return delegate.get(key);
  }

  @Override
  public Future<ObjectNode> update(StoreKey key, UpdateFunction function) {
    return delegate.update(key, function);
  }

  @Override
  public Future<ObjectNode> delete(StoreKey key, Consumer<ObjectNode> precondition) {
    return delegate.delete(key, precondition);
  }

  @Override
  public Future<ListResult> list(String resource, String namespace) {
    return delegate.list(resource, namespace);
  }

  @Override
  public long currentResourceVersion() {
    return delegate.currentResourceVersion();
  }
}

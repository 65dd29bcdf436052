package dev.skiff.api.client.informer;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one list+watch and cache of a kind (and selector) behind every {@link Informer} that shares
 * it, like the informer inside client-go's SharedInformerFactory. It runs on its own context; each
 * registered handler is called on the context of the informer that registered it, in event order.
 * Counted: it stops when the last informer using it stops.
 */
final class InformerCore<T extends KubeObject> implements Reflector.Sink<T> {
  private static final Logger LOG = LoggerFactory.getLogger(InformerCore.class);

  /** A handler and where it runs; equal only to itself (two views may register one handler). */
  static final class Registration<T extends KubeObject> {
    private final ResourceEventHandler<T> handler;
    private final Context context;

    Registration(ResourceEventHandler<T> handler, Context context) {
      this.handler = handler;
      this.context = context;
    }

    ResourceEventHandler<T> handler() {
      return handler;
    }

    Context context() {
      return context;
    }
  }

  private final Class<T> type;
  private final Indexer<T> indexer = new Indexer<>();
  private final List<Registration<T>> registrations = new CopyOnWriteArrayList<>();
  private final Promise<Void> synced = Promise.promise();
  private final Reflector<T> reflector;
  private final Runnable onStopped;
  private Context context;
  private volatile boolean hasSynced;
  private int users;
  private int indexSerial;

  /**
   * @param context where the reflector runs, or null for the context of the first informer that
   *     starts it
   * @param onStopped run when the last user has stopped
   */
  InformerCore(
      Vertx vertx,
      KubeClient client,
      Class<T> type,
      InformerOptions options,
      Context context,
      Runnable onStopped) {
    this.type = type;
    this.context = context;
    this.onStopped = onStopped;
    this.reflector = new Reflector<>(vertx, client, type, options, this);
    indexer.addIndex(
        Informer.NAMESPACE_INDEX,
        o -> o.meta().namespace == null ? List.of() : List.of(o.meta().namespace));
  }

  Class<T> type() {
    return type;
  }

  Indexer<T> indexer() {
    return indexer;
  }

  boolean hasSynced() {
    return hasSynced;
  }

  String lastResourceVersion() {
    return reflector.lastResourceVersion();
  }

  /** Counts one more user; false when the core has stopped already (make a new one). */
  synchronized boolean acquire() {
    if (users < 0) {
      return false;
    }
    users++;
    return true;
  }

  /**
   * Adds the indexes (name -> function) on the core's context, each under a name of its own so that
   * two users' indexes of one name never mix; completes with the names given.
   */
  synchronized Future<Map<String, String>> addIndexes(
      Map<String, Function<T, List<String>>> indexes) {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    indexes.keySet().forEach(name -> names.put(name, name + "#" + (indexSerial++)));
    Runnable add = () -> indexes.forEach((name, fn) -> indexer.addIndex(names.get(name), fn));
    if (!running()) {
      add.run();
      return Future.succeededFuture(names);
    }
    Promise<Map<String, String>> added = Promise.promise();
    context.runOnContext(
        v -> {
          add.run();
          added.complete(names);
        });
    return added.future();
  }

  /**
   * Starts list+watch once (on the core's context); registers {@code added}, whose handlers get
   * onAdd for every cached object if the first list is in already. Completes on {@code readyOn}
   * once those handlers have seen the first list.
   */
  Future<Void> start(List<Registration<T>> added, Context readyOn) {
    synchronized (this) {
      if (context == null) {
        // a core of its own runs where its informer does
        context = readyOn;
      }
      if (!reflector.started()) {
        reflector.start(context);
      }
    }
    Promise<Void> ready = Promise.promise();
    context.runOnContext(
        v -> {
          registrations.addAll(added);
          if (hasSynced) {
            added.forEach(r -> indexer.values().forEach(o -> dispatch(r, h -> h.onAdd(o), o)));
          }
          synced.future().onComplete(ar -> readyOn.runOnContext(x -> ready.handle(ar)));
        });
    return ready.future();
  }

  /** Registers a handler after start (it gets onAdd for every cached object once synced). */
  void register(Registration<T> registration) {
    context.runOnContext(
        v -> {
          registrations.add(registration);
          if (hasSynced) {
            indexer.values().forEach(o -> dispatch(registration, h -> h.onAdd(o), o));
          }
        });
  }

  /** Drops one user's handlers; the last user stops list+watch. */
  Future<Void> release(List<Registration<T>> mine) {
    registrations.removeAll(mine);
    boolean last;
    synchronized (this) {
      last = --users == 0;
      if (last) {
        users = -1;
      }
    }
    if (!last) {
      return Future.succeededFuture();
    }
    reflector.stop();
    synced.tryFail(new IllegalStateException(type.getSimpleName() + " informer stopped"));
    onStopped.run();
    return Future.succeededFuture();
  }

  private synchronized boolean running() {
    return context != null && reflector.started();
  }

  @Override
  public void replace(List<T> items) {
    Set<String> listed = new HashSet<>();
    for (T item : items) {
      listed.add(Keys.of(item));
      T old = indexer.put(item);
      if (old == null) {
        notify(h -> h.onAdd(item), item);
      } else if (!sameVersion(old, item)) {
        notify(h -> h.onUpdate(old, item), item);
      }
    }
    for (String key : indexer.keys()) {
      if (!listed.contains(key)) {
        T gone = indexer.remove(key);
        if (gone != null) {
          notify(h -> h.onDelete(gone), gone);
        }
      }
    }
    if (!hasSynced) {
      hasSynced = true;
      synced.tryComplete();
    }
  }

  @Override
  public void upsert(T object) {
    T old = indexer.put(object);
    if (old == null) {
      notify(h -> h.onAdd(object), object);
    } else {
      notify(h -> h.onUpdate(old, object), object);
    }
  }

  @Override
  public void delete(T object) {
    indexer.remove(Keys.of(object));
    notify(h -> h.onDelete(object), object);
  }

  private void notify(java.util.function.Consumer<ResourceEventHandler<T>> call, T object) {
    registrations.forEach(r -> dispatch(r, call, object));
  }

  private void dispatch(
      Registration<T> r, java.util.function.Consumer<ResourceEventHandler<T>> call, T object) {
    if (r.context() == null || r.context() == context) {
      safely(() -> call.accept(r.handler()), object);
    } else {
      r.context().runOnContext(v -> safely(() -> call.accept(r.handler()), object));
    }
  }

  void safely(Runnable call, T object) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("{} {}: event handler failed", type.getSimpleName(), Keys.of(object), e);
    }
  }

  private static boolean sameVersion(KubeObject a, KubeObject b) {
    String ra = a.meta().resourceVersion;
    return ra != null && ra.equals(b.meta().resourceVersion);
  }
}

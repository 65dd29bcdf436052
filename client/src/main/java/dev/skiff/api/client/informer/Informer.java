package dev.skiff.api.client.informer;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list+watch cache of one kind, like client-go's SharedIndexInformer. Handlers run on the
 * informer's context (the one current at {@link #start()}, or a new event loop); the cache can be
 * read from any thread. Cached objects are shared: never modify them.
 *
 * <pre>{@code
 * Informer<Pod> pods = new Informer<>(vertx, client, Pod.class, InformerOptions.defaults());
 * pods.addIndex("node", p -> List.of(p.spec.nodeName));
 * pods.addEventHandler(handler);
 * pods.start().onSuccess(v -> ...); // the first list is in the cache
 * }</pre>
 */
public final class Informer<T extends KubeObject> implements Reflector.Sink<T> {
  /** Built-in index: the object's namespace. */
  public static final String NAMESPACE_INDEX = "namespace";

  private static final Logger LOG = LoggerFactory.getLogger(Informer.class);

  private final Vertx vertx;
  private final Class<T> type;
  private final InformerOptions options;
  private final Indexer<T> indexer = new Indexer<>();
  private final List<ResourceEventHandler<T>> handlers = new CopyOnWriteArrayList<>();
  private final Promise<Void> synced = Promise.promise();
  private final Reflector<T> reflector;
  private volatile Context context;
  private volatile boolean hasSynced;
  private long resyncTimer = -1;

  public Informer(Vertx vertx, KubeClient client, Class<T> type, InformerOptions options) {
    this.vertx = vertx;
    this.type = type;
    this.options = options;
    this.reflector = new Reflector<>(vertx, client, type, options, this);
    indexer.addIndex(
        NAMESPACE_INDEX, o -> o.meta().namespace == null ? List.of() : List.of(o.meta().namespace));
  }

  /**
   * Registers a handler. Added after start, it first gets onAdd for every cached object, like a
   * late handler of a shared informer.
   */
  public Informer<T> addEventHandler(ResourceEventHandler<T> handler) {
    Context ctx = context;
    if (ctx == null) {
      handlers.add(handler);
    } else {
      ctx.runOnContext(
          v -> {
            handlers.add(handler);
            if (hasSynced) {
              indexer.values().forEach(o -> safely(() -> handler.onAdd(o), o));
            }
          });
    }
    return this;
  }

  public Informer<T> onAdd(Consumer<T> action) {
    return addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T object) {
            action.accept(object);
          }
        });
  }

  public Informer<T> onUpdate(BiConsumer<T, T> action) {
    return addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onUpdate(T oldObject, T newObject) {
            action.accept(oldObject, newObject);
          }
        });
  }

  public Informer<T> onDelete(Consumer<T> action) {
    return addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onDelete(T object) {
            action.accept(object);
          }
        });
  }

  /** Adds an index (e.g. by node name or by a label); only before {@link #start()}. */
  public Informer<T> addIndex(String name, Function<T, List<String>> valuesOf) {
    if (context != null) {
      throw new IllegalStateException("add indexes before start()");
    }
    indexer.addIndex(name, valuesOf);
    return this;
  }

  /** Starts list+watch; completes once the first list is in the cache. Idempotent. */
  public synchronized Future<Void> start() {
    if (context == null) {
      context = vertx.getOrCreateContext();
      reflector.start(context);
      long period = options.resyncPeriod().toMillis();
      if (period > 0) {
        context.runOnContext(v -> resyncTimer = vertx.setPeriodic(period, id -> resync()));
      }
    }
    return synced.future();
  }

  public Future<Void> stop() {
    reflector.stop();
    synced.tryFail(new IllegalStateException(type.getSimpleName() + " informer stopped"));
    Context ctx = context;
    if (ctx == null) {
      return Future.succeededFuture();
    }
    Promise<Void> stopped = Promise.promise();
    ctx.runOnContext(
        v -> {
          vertx.cancelTimer(resyncTimer);
          stopped.complete();
        });
    return stopped.future();
  }

  /** True once the first list has been delivered to the cache and handlers. */
  public boolean hasSynced() {
    return hasSynced;
  }

  public T get(String namespace, String name) {
    return indexer.get(Keys.of(namespace, name));
  }

  public T get(String key) {
    return indexer.get(key);
  }

  public List<T> list() {
    return indexer.list();
  }

  public List<T> list(String namespace) {
    return indexer.byIndex(NAMESPACE_INDEX, namespace);
  }

  public List<T> byIndex(String index, String value) {
    return indexer.byIndex(index, value);
  }

  public Set<String> keys() {
    return indexer.keys();
  }

  /** The resourceVersion the cache reflects (from the last list, event or bookmark). */
  public String lastResourceVersion() {
    return reflector.lastResourceVersion();
  }

  @Override
  public void replace(List<T> items) {
    Set<String> listed = new HashSet<>();
    for (T item : items) {
      listed.add(Keys.of(item));
      T old = indexer.put(item);
      if (old == null) {
        notifyAdd(item);
      } else if (!sameVersion(old, item)) {
        notifyUpdate(old, item);
      }
    }
    for (String key : indexer.keys()) {
      if (!listed.contains(key)) {
        T gone = indexer.remove(key);
        if (gone != null) {
          notifyDelete(gone);
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
      notifyAdd(object);
    } else {
      notifyUpdate(old, object);
    }
  }

  @Override
  public void delete(T object) {
    indexer.remove(Keys.of(object));
    notifyDelete(object);
  }

  private void resync() {
    if (hasSynced) {
      indexer.values().forEach(o -> notifyUpdate(o, o));
    }
  }

  private void notifyAdd(T object) {
    handlers.forEach(h -> safely(() -> h.onAdd(object), object));
  }

  private void notifyUpdate(T old, T object) {
    handlers.forEach(h -> safely(() -> h.onUpdate(old, object), object));
  }

  private void notifyDelete(T object) {
    handlers.forEach(h -> safely(() -> h.onDelete(object), object));
  }

  private void safely(Runnable call, T object) {
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

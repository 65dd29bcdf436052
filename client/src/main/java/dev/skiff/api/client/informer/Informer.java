package dev.skiff.api.client.informer;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

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
 *
 * An informer made with {@code new} has its own watch and cache; one from an {@link
 * InformerFactory#shared shared factory} is a view of the one watch and cache that every user of
 * that kind (and selector) shares in the JVM: its handlers, indexes and resync are its own, its
 * {@link #stop()} removes only them.
 */
public final class Informer<T extends KubeObject> {
  /** Built-in index: the object's namespace. */
  public static final String NAMESPACE_INDEX = "namespace";

  private final Vertx vertx;
  private final InformerCore<T> core;
  private final InformerOptions options;
  private final List<InformerCore.Registration<T>> registrations = new CopyOnWriteArrayList<>();
  private final List<ResourceEventHandler<T>> pending = new ArrayList<>();
  private final Map<String, Function<T, List<String>>> indexes = new LinkedHashMap<>();
  private volatile Map<String, String> indexNames = Map.of();
  private volatile Context context;
  private Future<Void> started;
  private volatile boolean hasSynced;
  private boolean stopped;
  private long resyncTimer = -1;

  /** An informer with its own watch and cache. */
  public Informer(Vertx vertx, KubeClient client, Class<T> type, InformerOptions options) {
    this(vertx, new InformerCore<>(vertx, client, type, options, null, () -> {}), options);
    core.acquire();
  }

  /** A view of {@code core}, which the caller has acquired for it. */
  Informer(Vertx vertx, InformerCore<T> core, InformerOptions options) {
    this.vertx = vertx;
    this.core = core;
    this.options = options;
  }

  /**
   * Registers a handler. Added after start, it first gets onAdd for every cached object, like a
   * late handler of a shared informer.
   */
  public synchronized Informer<T> addEventHandler(ResourceEventHandler<T> handler) {
    if (context == null) {
      pending.add(handler);
    } else {
      InformerCore.Registration<T> registration = new InformerCore.Registration<>(handler, context);
      registrations.add(registration);
      core.register(registration);
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
  public synchronized Informer<T> addIndex(String name, Function<T, List<String>> valuesOf) {
    if (context != null) {
      throw new IllegalStateException("add indexes before start()");
    }
    if (NAMESPACE_INDEX.equals(name) || indexes.putIfAbsent(name, valuesOf) != null) {
      throw new IllegalArgumentException("index already exists: " + name);
    }
    return this;
  }

  /** Starts list+watch; completes once the first list is in the cache. Idempotent. */
  public synchronized Future<Void> start() {
    if (started == null) {
      context = vertx.getOrCreateContext();
      List<InformerCore.Registration<T>> added = new ArrayList<>();
      pending.forEach(h -> added.add(new InformerCore.Registration<>(h, context)));
      pending.clear();
      registrations.addAll(added);
      Context on = context;
      started =
          core.addIndexes(indexes)
              .compose(
                  names -> {
                    indexNames = names;
                    return core.start(added, on);
                  })
              .onSuccess(v -> hasSynced = true);
      long period = options.resyncPeriod().toMillis();
      if (period > 0) {
        on.runOnContext(v -> startResync(period));
      }
    }
    return started;
  }

  public Future<Void> stop() {
    Context ctx;
    synchronized (this) {
      if (stopped) {
        return Future.succeededFuture();
      }
      stopped = true;
      ctx = context;
    }
    if (ctx != null) {
      ctx.runOnContext(v -> vertx.cancelTimer(resyncTimer));
    }
    return core.release(List.copyOf(registrations));
  }

  /** True once the first list has been delivered to the cache and handlers. */
  public boolean hasSynced() {
    return hasSynced;
  }

  public T get(String namespace, String name) {
    return core.indexer().get(Keys.of(namespace, name));
  }

  public T get(String key) {
    return core.indexer().get(key);
  }

  public List<T> list() {
    return core.indexer().list();
  }

  public List<T> list(String namespace) {
    return core.indexer().byIndex(NAMESPACE_INDEX, namespace);
  }

  public List<T> byIndex(String index, String value) {
    if (NAMESPACE_INDEX.equals(index)) {
      return core.indexer().byIndex(index, value);
    }
    String name = indexNames.get(index);
    if (name == null) {
      throw new IllegalArgumentException("no such index: " + index);
    }
    return core.indexer().byIndex(name, value);
  }

  public Set<String> keys() {
    return core.indexer().keys();
  }

  /** The resourceVersion the cache reflects (from the last list, event or bookmark). */
  public String lastResourceVersion() {
    return core.lastResourceVersion();
  }

  private void startResync(long period) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      resyncTimer = vertx.setPeriodic(period, id -> resync());
    }
  }

  /** Re-delivers every cached object to this informer's handlers, on its context. */
  private void resync() {
    if (!hasSynced) {
      return;
    }
    for (T object : core.indexer().values()) {
      for (InformerCore.Registration<T> r : registrations) {
        core.safely(() -> r.handler().onUpdate(object, object), object);
      }
    }
  }
}

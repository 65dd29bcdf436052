package dev.skiff.api.client.informer;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.vertx.VertxNetty;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where components get their informers. {@link #perInformer} gives each informer its own watch and
 * cache (a component running alone); {@link #shared} gives every informer of one kind, namespace
 * and selector a view of one watch and one cache (client-go's SharedInformerFactory, across the
 * components of one JVM: an embedded cluster's API-server controllers, node agents, proxies and DNS
 * servers then hold one copy of each Service instead of one each). A shared watch runs on its own
 * event loop of the factory's Vert.x, through the factory's client; each view's handlers run on the
 * view's context. Thread-safe.
 */
public final class InformerFactory {
  private record Key(Class<?> type, String namespace, String labels, String fields) {}

  private final Vertx vertx;
  private final KubeClient client;
  private final boolean shared;
  private final Map<Key, InformerCore<?>> cores = new HashMap<>();

  private InformerFactory(Vertx vertx, KubeClient client, boolean shared) {
    this.vertx = vertx;
    this.client = client;
    this.shared = shared;
  }

  /** Informers with a watch and cache each, through {@code client}. */
  public static InformerFactory perInformer(Vertx vertx, KubeClient client) {
    return new InformerFactory(vertx, client, false);
  }

  /** Informers that share one watch and cache per kind and selector, through {@code client}. */
  public static InformerFactory shared(Vertx vertx, KubeClient client) {
    return new InformerFactory(vertx, client, true);
  }

  public boolean isShared() {
    return shared;
  }

  /**
   * An informer of {@code type} as {@code options} select. Shared: the watch-level options
   * (backoff, watch timeout) are those of the first informer of its key; the resync period is each
   * informer's own.
   */
  @SuppressWarnings("unchecked")
  public <T extends KubeObject> Informer<T> informer(Class<T> type, InformerOptions options) {
    if (!shared) {
      return new Informer<>(vertx, client, type, options);
    }
    Key key = new Key(type, options.namespace(), options.labelSelector(), options.fieldSelector());
    synchronized (this) {
      InformerCore<T> core = (InformerCore<T>) cores.get(key);
      if (core == null || !core.acquire()) {
        Object[] self = new Object[1];
        core =
            new InformerCore<>(
                vertx,
                client,
                type,
                options,
                VertxNetty.newEventLoopContext(vertx),
                () -> forget(key, self[0]));
        self[0] = core;
        core.acquire();
        cores.put(key, core);
      }
      return new Informer<>(vertx, core, options);
    }
  }

  /** Kinds (and selectors) with a running shared watch: for tests and diagnosis. */
  public synchronized int sharedWatches() {
    return cores.size();
  }

  private synchronized void forget(Key key, Object core) {
    cores.remove(key, core);
  }

  @Override
  public String toString() {
    return (shared ? "shared" : "per-informer") + " informers of " + Objects.toString(client);
  }
}

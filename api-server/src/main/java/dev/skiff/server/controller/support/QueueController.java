package dev.skiff.server.controller.support;

import dev.skiff.api.client.controller.Controller;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The plumbing every controller of the manager shares, written once: a {@link Controller} (work
 * queue and workers) named after the controller, its lifecycle, and an optional periodic
 * re-enqueue. A subclass states only what differs: in its constructor which informers it watches
 * and how an object maps to keys, and in {@link #sync} how one key is reconciled from the caches.
 *
 * <pre>{@code
 * public EndpointsController(Vertx vertx, SharedInformers informers, int workers) {
 *   super(vertx, "endpoints", workers);
 *   watch(services);
 *   watchChanges(pods, this::servicesSelecting);
 * }
 * }</pre>
 */
public abstract class QueueController implements ManagedController {
  protected final Vertx vertx;
  private final String name;
  private final int workers;
  private final Controller controller;
  private Duration period;
  private Supplier<? extends Iterable<String>> periodicKeys;
  private long timer = -1;

  protected QueueController(Vertx vertx, String name, int workers) {
    this.vertx = vertx;
    this.name = name;
    this.workers = workers;
    this.controller = new Controller(vertx, name, this::sync);
  }

  /** Reconciles one key from the informers' caches; a failed future retries it with backoff. */
  protected abstract Future<Void> sync(String key);

  /** Enqueues the object's own key on every add, update and delete. */
  protected final <T extends KubeObject> void watch(Informer<T> informer) {
    controller.watch(informer);
  }

  /** Enqueues the keys {@code keysOf} maps each object to (old and new state on update). */
  protected final <T extends KubeObject> void watch(
      Informer<T> informer, Function<T, ? extends Iterable<String>> keysOf) {
    controller.watch(informer, keysOf);
  }

  /** Like {@link #watch(Informer, Function)}, ignoring resyncs (see {@link Controller}). */
  protected final <T extends KubeObject> void watchChanges(
      Informer<T> informer, Function<T, ? extends Iterable<String>> keysOf) {
    controller.watchChanges(informer, keysOf);
  }

  /**
   * Once started, enqueues {@code keys} now and every {@code every} (for controllers whose state
   * also changes with time, not only with events).
   */
  protected final void enqueueEvery(Duration every, Supplier<? extends Iterable<String>> keys) {
    this.period = every;
    this.periodicKeys = keys;
  }

  protected final void enqueue(String key) {
    controller.enqueue(key);
  }

  /** Looks at {@code key} again after {@code delay} (a key already waiting keeps the earlier). */
  protected final void enqueueAfter(String key, Duration delay) {
    controller.queue().addAfter(key, delay);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final long droppedKeys() {
    return controller.queue().dropped();
  }

  @Override
  public final Future<Void> start() {
    return controller
        .start(workers)
        .onSuccess(
            v -> {
              if (period != null) {
                enqueueAll();
                timer = vertx.setPeriodic(period.toMillis(), id -> enqueueAll());
              }
            });
  }

  @Override
  public final Future<Void> stop() {
    vertx.cancelTimer(timer);
    return controller.stop();
  }

  private void enqueueAll() {
    periodicKeys.get().forEach(controller::enqueue);
  }
}

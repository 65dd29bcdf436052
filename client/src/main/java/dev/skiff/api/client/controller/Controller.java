package dev.skiff.api.client.controller;

import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.client.informer.ResourceEventHandler;
import dev.skiff.api.client.workqueue.WorkQueue;
import dev.skiff.api.model.meta.KubeObject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The plumbing of a controller, as in kubernetes' pkg/controller: informer events become keys, keys
 * go through a deduplicating, rate-limited {@link WorkQueue}, and workers call {@code sync(key)},
 * which reads the informers' caches (never the event) and reconciles. A failed sync is retried with
 * per-key backoff; a successful one resets it.
 *
 * <pre>{@code
 * Controller c = new Controller(vertx, "endpoints", this::sync)
 *     .watch(services)                          // key = the service's namespace/name
 *     .watch(pods, pod -> servicesSelecting(pod)); // keys of the services a pod affects
 * c.start(2); // starts the informers, waits for their first lists, then 2 workers
 * }</pre>
 */
public final class Controller {
  private final Vertx vertx;
  private final String name;
  private final Function<String, Future<Void>> sync;
  private final WorkQueue queue;
  private final List<Informer<?>> informers = new ArrayList<>();
  private Future<Void> workers;
  private Context context;

  public Controller(Vertx vertx, String name, Function<String, Future<Void>> sync) {
    this(vertx, name, sync, WorkQueue.create(vertx, name));
  }

  public Controller(
      Vertx vertx, String name, Function<String, Future<Void>> sync, WorkQueue queue) {
    this.vertx = vertx;
    this.name = name;
    this.sync = sync;
    this.queue = queue;
  }

  /** Enqueues the object's own key ({@code namespace/name}) on every add, update and delete. */
  public <T extends KubeObject> Controller watch(Informer<T> informer) {
    return watch(informer, o -> List.of(Keys.of(o)));
  }

  /**
   * Enqueues the keys {@code keysOf} maps each object to; on update, the keys of both the old and
   * the new state (a pod whose labels changed concerns the service it left as well).
   */
  public <T extends KubeObject> Controller watch(
      Informer<T> informer, Function<T, ? extends Iterable<String>> keysOf) {
    return watch(informer, keysOf, (oldObject, newObject) -> true);
  }

  /**
   * Like {@link #watch(Informer, Function)}, but an update that re-delivers the same
   * resourceVersion (an informer resync) enqueues nothing, as Kubernetes' endpoints controllers
   * treat pods: the resync of the primary resource already re-reconciles every key, and fanning
   * each resynced pod out to its services would queue every service once per pod.
   */
  public <T extends KubeObject> Controller watchChanges(
      Informer<T> informer, Function<T, ? extends Iterable<String>> keysOf) {
    return watch(
        informer,
        keysOf,
        (oldObject, newObject) -> {
          String rv = newObject.meta().resourceVersion;
          return rv == null || !rv.equals(oldObject.meta().resourceVersion);
        });
  }

  private <T extends KubeObject> Controller watch(
      Informer<T> informer,
      Function<T, ? extends Iterable<String>> keysOf,
      BiPredicate<T, T> updateMatters) {
    informers.add(informer);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T object) {
            enqueue(keysOf.apply(object));
          }

          @Override
          public void onUpdate(T oldObject, T newObject) {
            if (!updateMatters.test(oldObject, newObject)) {
              return;
            }
            Set<String> keys = new LinkedHashSet<>();
            keysOf.apply(oldObject).forEach(keys::add);
            keysOf.apply(newObject).forEach(keys::add);
            enqueue(keys);
          }

          @Override
          public void onDelete(T object) {
            enqueue(keysOf.apply(object));
          }
        });
    return this;
  }

  /** For periodic or external triggers: enqueue a key directly. */
  public void enqueue(String key) {
    queue.add(key);
  }

  public WorkQueue queue() {
    return queue;
  }

  public String name() {
    return name;
  }

  /**
   * Starts every watched informer (a no-op for those already running), waits until all have synced,
   * then starts {@code workerCount} workers. Completes once the workers run.
   */
  public Future<Void> start(int workerCount) {
    context = vertx.getOrCreateContext();
    List<Future<Void>> synced = new ArrayList<>();
    informers.forEach(i -> synced.add(i.start()));
    Promise<Void> started = Promise.promise();
    Future.all(synced)
        .onComplete(
            ar ->
                context.runOnContext(
                    v -> {
                      if (ar.failed()) {
                        started.fail(ar.cause());
                        return;
                      }
                      workers = queue.process(workerCount, sync);
                      started.complete();
                    }));
    return started.future();
  }

  /**
   * Shuts the queue down; completes when every worker has finished its current key. The informers
   * are not stopped: they may be shared with other controllers.
   */
  public Future<Void> stop() {
    queue.shutDown();
    return workers == null ? Future.succeededFuture() : workers;
  }

  private void enqueue(Iterable<String> keys) {
    if (keys != null) {
      keys.forEach(queue::add);
    }
  }
}

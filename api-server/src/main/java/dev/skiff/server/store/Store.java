package dev.skiff.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * The storage port of the API server. Objects are Kubernetes JSON trees; the store owns
 * metadata.resourceVersion (one global, strictly increasing counter shared by every replica) and
 * nothing else. Futures complete on the caller's Vert.x context; failures are {@link
 * dev.skiff.api.status.StatusException}s (NotFound, AlreadyExists, Conflict, Expired, ...).
 *
 * <p>Guarantees: writes to one key are linearizable; every replica observes all changes in the same
 * order; an acknowledged write survives the loss of any one replica.
 */
public interface Store {
  /** Stores a new object; fails AlreadyExists if the key is taken. Returns the stored object. */
  Future<ObjectNode> create(StoreKey key, ObjectNode object);

  /** The current object (a private copy); fails NotFound. */
  Future<ObjectNode> get(StoreKey key);

  /**
   * Reads, transforms and writes one object atomically. Fails NotFound if absent, or with whatever
   * the function throws.
   */
  Future<ObjectNode> update(StoreKey key, UpdateFunction function);

  /**
   * Removes an object and returns its last state (with the deletion's resourceVersion). The
   * precondition function may veto (throw) after seeing the current object; null = none.
   */
  Future<ObjectNode> delete(StoreKey key, java.util.function.Consumer<ObjectNode> precondition);

  /** A consistent snapshot of a resource, in one namespace or (namespace null) all of them. */
  Future<ListResult> list(String resource, String namespace);

  /**
   * The snapshot of a resource as it was at {@code resourceVersion} (the version of an earlier
   * snapshot), for the next pages of a paginated list. Fails Expired when this store no longer
   * knows that state; waits, then fails Timeout, for a version newer than this replica has seen.
   * Without history, only the current version is known.
   */
  default Future<ListResult> listAt(String resource, String namespace, long resourceVersion) {
    return list(resource, namespace)
        .map(
            snapshot -> {
              if (snapshot.resourceVersion() != resourceVersion) {
                throw StoreErrors.expired(resourceVersion, snapshot.resourceVersion());
              }
              return snapshot;
            });
  }

  /**
   * Completes once this replica has seen {@code resourceVersion}, waiting a few seconds at most for
   * it; then fails 504 Timeout ("Too large resource version"), as kube-apiserver's watch cache
   * does.
   */
  default Future<Void> awaitResourceVersion(long resourceVersion) {
    long current = currentResourceVersion();
    return resourceVersion <= current
        ? Future.succeededFuture()
        : Future.failedFuture(StoreErrors.tooLarge(resourceVersion, current));
  }

  /**
   * Streams changes to {@code handler} on the caller's context, in resourceVersion order, exactly
   * once each. Fails with Expired (410) if the requested version is no longer retained, and as
   * {@link #awaitResourceVersion} for a version this replica has not seen. {@code onClose} runs
   * once if the store ends the watch (for example the watcher fell too far behind).
   */
  Future<StoreWatch> watch(
      WatchRequest request, Handler<StoreEvent> handler, Handler<Void> onClose);

  /** The newest committed resourceVersion this replica has seen. */
  long currentResourceVersion();
}

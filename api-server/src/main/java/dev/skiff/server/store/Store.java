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
   * Streams changes to {@code handler} on the caller's context, in resourceVersion order, exactly
   * once each. Fails with Expired (410) if the requested version is no longer retained. {@code
   * onClose} runs once if the store ends the watch (for example the watcher fell too far behind).
   */
  Future<StoreWatch> watch(
      WatchRequest request, Handler<StoreEvent> handler, Handler<Void> onClose);

  /** The newest committed resourceVersion this replica has seen. */
  long currentResourceVersion();
}

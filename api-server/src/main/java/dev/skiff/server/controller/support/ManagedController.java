package dev.skiff.server.controller.support;

import io.vertx.core.Future;

/** A controller the manager starts when this replica leads and stops when it no longer does. */
public interface ManagedController {
  String name();

  /** Starts informers and workers; completes once the caches are synced and workers run. */
  Future<Void> start();

  /** Stops the workers (informers are shared and stopped by their owner). */
  Future<Void> stop();

  /** Keys its work queue dropped after too many failed syncs. */
  long droppedKeys();
}

package dev.skiff.proxy.dataplane;

import dev.skiff.proxy.model.Snapshot;
import io.vertx.core.Future;

/**
 * A data plane programmed from desired-state snapshots (kube-proxy's Provider). Implementations:
 * {@link UserspaceDataPlane}. Syncs are applied in call order.
 */
public interface DataPlane {
  /**
   * Makes the data plane serve {@code snapshot}. The future completes once every listener is bound
   * or has failed to bind; failures are listed in the result (and reported to the events listener),
   * they never fail the sync nor affect other listeners.
   */
  Future<SyncResult> sync(Snapshot snapshot);

  /** Closes every listener. */
  Future<Void> close();
}

package dev.skiff.proxy.config;

import dev.skiff.proxy.dataplane.DataPlane;
import dev.skiff.proxy.metrics.ProxyMetrics;
import dev.skiff.proxy.model.Snapshot;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One sync, as run by the {@link dev.skiff.api.client.workqueue.BoundedFrequencyRunner}: builds the
 * snapshot from the current state and programs the data plane. Does nothing until the caches have
 * synced (never program an empty view that would close every listener). Records network programming
 * latency from the EndpointSlices' trigger times.
 */
public final class ProxySync implements Supplier<Future<?>> {
  private final ProxyState state;
  private final SnapshotBuilder builder;
  private final DataPlane dataPlane;
  private final ProxyMetrics metrics;
  private final boolean needNodes;
  private final Consumer<Snapshot> onSnapshot;

  /**
   * @param needNodes wait for the Node cache too (the LoadBalancer role forwards to nodes)
   * @param onSnapshot sees every snapshot before it is programmed (e.g. to track nodes' health)
   */
  public ProxySync(
      ProxyState state,
      SnapshotBuilder builder,
      DataPlane dataPlane,
      ProxyMetrics metrics,
      boolean needNodes,
      Consumer<Snapshot> onSnapshot) {
    this.state = state;
    this.builder = builder;
    this.dataPlane = dataPlane;
    this.metrics = metrics;
    this.needNodes = needNodes;
    this.onSnapshot = onSnapshot;
  }

  @Override
  public Future<?> get() {
    if (!state.synced(needNodes)) {
      return Future.succeededFuture();
    }
    Snapshot snapshot = state.snapshot(builder);
    List<Instant> triggers = state.takeTriggerTimes();
    onSnapshot.accept(snapshot);
    return dataPlane
        .sync(snapshot)
        .onSuccess(
            result -> {
              Instant now = Instant.now();
              for (Instant t : triggers) {
                metrics.programmed(Math.max(0, Duration.between(t, now).toNanos()) / 1e9);
              }
            });
  }
}

package dev.skiff.dns.source;

import dev.skiff.dns.zone.ClusterRecords;
import dev.skiff.dns.zone.ClusterSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Where the cluster zone's state comes from: informers in a node agent, a fixed snapshot in tests
 * and benchmarks. A source calls {@link ClusterRecords#markSynced()} once its initial state is fed.
 */
public interface ZoneSource {
  /** Starts feeding {@code records}; completes once started, not necessarily synced. */
  Future<Void> start(Vertx vertx, ClusterRecords records);

  Future<Void> stop();

  /** A source that feeds a fixed snapshot and is synced at once. */
  static ZoneSource of(ClusterSnapshot snapshot) {
    return new ZoneSource() {
      @Override
      public Future<Void> start(Vertx vertx, ClusterRecords records) {
        snapshot.services().forEach(records::upsertService);
        snapshot.slices().forEach(records::upsertEndpointSlice);
        snapshot.pods().forEach(records::upsertPod);
        records.markSynced();
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> stop() {
        return Future.succeededFuture();
      }
    };
  }

  /** A source that feeds nothing: the caller feeds the zone itself (and marks it synced). */
  static ZoneSource manual() {
    return new ZoneSource() {
      @Override
      public Future<Void> start(Vertx vertx, ClusterRecords records) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> stop() {
        return Future.succeededFuture();
      }
    };
  }
}

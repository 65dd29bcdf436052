package dev.skiff.server.controller.support;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.model.discovery.EndpointSlice;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a controller's planned EndpointSlice changes for one Service key, all at once, and records
 * each in the controller's {@link ChildTracker} so the next sync sees them before its informer
 * does. A slice already gone counts as deleted.
 */
public final class SliceWriter {
  private final KubeClient client;
  private final ChildTracker<EndpointSlice> tracker;

  public SliceWriter(KubeClient client, ChildTracker<EndpointSlice> tracker) {
    this.client = client;
    this.tracker = tracker;
  }

  public Future<Void> apply(
      String key,
      List<EndpointSlice> create,
      List<EndpointSlice> update,
      List<EndpointSlice> delete) {
    List<Future<?>> writes = new ArrayList<>();
    create.forEach(s -> writes.add(client.create(s).onSuccess(w -> tracker.wrote(key, w))));
    update.forEach(s -> writes.add(client.update(s).onSuccess(w -> tracker.wrote(key, w))));
    delete.forEach(s -> writes.add(delete(key, s)));
    return Future.all(writes).mapEmpty();
  }

  private Future<Void> delete(String key, EndpointSlice slice) {
    return client
        .delete(
            EndpointSlice.class, slice.meta().namespace, slice.meta().name, DeleteOptions.none())
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e))
        .onSuccess(v -> tracker.deleted(key, slice.meta().name));
  }
}

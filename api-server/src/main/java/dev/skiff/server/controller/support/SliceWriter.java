package dev.skiff.server.controller.support;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.discovery.EndpointSlice;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The EndpointSlices one controller manages (labelled managed-by it), keyed by their Service: finds
 * them, and writes the controller's planned changes for one Service key all at once, recording each
 * in the controller's {@link ChildTracker} so the next sync sees them before its informer does. A
 * slice already gone counts as deleted.
 */
public final class SliceWriter {
  private final KubeClient client;
  private final ChildTracker<EndpointSlice> tracker;
  private final String managedBy;

  public SliceWriter(KubeClient client, ChildTracker<EndpointSlice> tracker, String managedBy) {
    this.client = client;
    this.tracker = tracker;
    this.managedBy = managedBy;
  }

  /** The Service key of a slice this controller manages; none for any other slice. */
  public List<String> serviceOf(EndpointSlice slice) {
    Map<String, String> labels = slice.meta().labels;
    if (labels == null
        || !managedBy.equals(labels.get(EndpointSlice.MANAGED_BY_LABEL))
        || labels.get(EndpointSlice.SERVICE_NAME_LABEL) == null) {
      return List.of();
    }
    return List.of(Keys.of(slice.meta().namespace, labels.get(EndpointSlice.SERVICE_NAME_LABEL)));
  }

  /**
   * The slices of Service {@code key} this controller manages: its cache, corrected by its writes.
   */
  public List<EndpointSlice> managed(Informer<EndpointSlice> slices, String key) {
    return tracker.view(
        key,
        slices.byIndex(SharedInformers.SERVICE_INDEX, key).stream()
            .filter(s -> !serviceOf(s).isEmpty())
            .toList());
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

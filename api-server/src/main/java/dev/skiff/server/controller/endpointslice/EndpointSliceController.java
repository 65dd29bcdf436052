package dev.skiff.server.controller.endpointslice;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.controller.Controller;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.selector.Selector;
import dev.skiff.server.controller.support.ChildTracker;
import dev.skiff.server.controller.support.ManagedController;
import dev.skiff.server.controller.support.Selections;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the EndpointSlices of every selector Service as {@link EndpointSliceReconciler} computes
 * them, and deletes them with the Service (or its selector). Only slices labelled managed-by this
 * controller are touched. Keys are Service keys.
 */
public final class EndpointSliceController implements ManagedController {
  private final KubeClient client;
  private final Informer<Service> services;
  private final Informer<Pod> pods;
  private final Informer<EndpointSlice> slices;
  private final ChildTracker<EndpointSlice> tracker = new ChildTracker<>();
  private final Controller controller;
  private final int workers;

  public EndpointSliceController(Vertx vertx, SharedInformers informers, int workers) {
    this.client = informers.client();
    this.services = informers.of(Service.class);
    this.pods = informers.of(Pod.class);
    this.slices = informers.of(EndpointSlice.class);
    this.workers = workers;
    this.controller =
        new Controller(vertx, name(), this::sync)
            .watch(services)
            .watch(pods, this::servicesSelecting)
            .watch(slices, EndpointSliceController::serviceOf);
  }

  @Override
  public String name() {
    return "endpointslice";
  }

  @Override
  public Future<Void> start() {
    return controller.start(workers);
  }

  @Override
  public Future<Void> stop() {
    return controller.stop();
  }

  private List<String> servicesSelecting(Pod pod) {
    return Selections.servicesSelecting(services, pod);
  }

  private static List<String> serviceOf(EndpointSlice slice) {
    Map<String, String> labels = slice.meta().labels;
    if (labels == null
        || !EndpointSliceReconciler.MANAGED_BY.equals(labels.get(EndpointSlice.MANAGED_BY_LABEL))
        || labels.get(EndpointSlice.SERVICE_NAME_LABEL) == null) {
      return List.of();
    }
    return List.of(Keys.of(slice.meta().namespace, labels.get(EndpointSlice.SERVICE_NAME_LABEL)));
  }

  Future<Void> sync(String key) {
    List<EndpointSlice> managed =
        tracker.view(
            key,
            slices.byIndex(SharedInformers.SERVICE_INDEX, key).stream()
                .filter(s -> !serviceOf(s).isEmpty())
                .toList());
    Service svc = services.get(key);
    if (svc == null || Selector.fromServiceSelector(svc.spec().selector).matchesNothing()) {
      List<Future<Void>> deletes = new ArrayList<>();
      managed.forEach(s -> deletes.add(delete(key, s)));
      if (svc == null && managed.isEmpty()) {
        tracker.forget(key);
      }
      return Future.all(deletes).mapEmpty();
    }
    EndpointSliceReconciler.Changes changes =
        EndpointSliceReconciler.reconcile(svc, Selections.candidatePods(pods, svc), managed);
    List<Future<?>> writes = new ArrayList<>();
    changes
        .create()
        .forEach(s -> writes.add(client.create(s).onSuccess(w -> tracker.wrote(key, w))));
    changes
        .update()
        .forEach(s -> writes.add(client.update(s).onSuccess(w -> tracker.wrote(key, w))));
    changes.delete().forEach(s -> writes.add(delete(key, s)));
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

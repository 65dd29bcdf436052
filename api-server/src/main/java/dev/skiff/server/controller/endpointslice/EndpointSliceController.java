package dev.skiff.server.controller.endpointslice;

import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.selector.Selector;
import dev.skiff.server.controller.support.ChildTracker;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.Selections;
import dev.skiff.server.controller.support.SharedInformers;
import dev.skiff.server.controller.support.SliceWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Keeps the EndpointSlices of every selector Service as {@link EndpointSliceReconciler} computes
 * them, and deletes them with the Service (or its selector). Only slices labelled managed-by this
 * controller are touched. Keys are Service keys.
 */
public final class EndpointSliceController extends QueueController {
  private final Informer<Service> services;
  private final Informer<Pod> pods;
  private final Informer<EndpointSlice> slices;
  private final ChildTracker<EndpointSlice> tracker = new ChildTracker<>();
  private final SliceWriter writer;

  public EndpointSliceController(Vertx vertx, SharedInformers informers, int workers) {
    super(vertx, "endpointslice", workers);
    this.writer = new SliceWriter(informers.client(), tracker, EndpointSliceReconciler.MANAGED_BY);
    this.services = informers.of(Service.class);
    this.pods = informers.of(Pod.class);
    this.slices = informers.of(EndpointSlice.class);
    watch(services);
    watchChanges(pods, this::servicesSelecting);
    watch(slices, writer::serviceOf);
  }

  private List<String> servicesSelecting(Pod pod) {
    return Selections.servicesSelecting(services, pod);
  }

  @Override
  protected Future<Void> sync(String key) {
    List<EndpointSlice> managed = writer.managed(slices, key);
    Service svc = services.get(key);
    if (svc == null || Selector.fromServiceSelector(svc.spec().selector).matchesNothing()) {
      if (svc == null && managed.isEmpty()) {
        tracker.forget(key);
      }
      return writer.apply(key, List.of(), List.of(), managed);
    }
    EndpointSliceReconciler.Changes changes =
        EndpointSliceReconciler.reconcile(svc, Selections.candidatePods(pods, svc), managed);
    return writer.apply(key, changes.create(), changes.update(), changes.delete());
  }
}

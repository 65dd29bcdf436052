package dev.skiff.server.controller.endpointslicemirroring;

import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.controller.support.ChildTracker;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import dev.skiff.server.controller.support.SliceWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Kubernetes' EndpointSliceMirroring controller: a Service without a selector gets its endpoints
 * from Endpoints its user writes; this controller mirrors them into EndpointSlices (managed-by
 * {@link MirroringReconciler#MANAGED_BY}), which is what the service proxy and cluster DNS read.
 * Keys are Service (= Endpoints) keys.
 */
public final class EndpointSliceMirroringController extends QueueController {
  private final Informer<Service> services;
  private final Informer<Endpoints> endpoints;
  private final Informer<EndpointSlice> slices;
  private final ChildTracker<EndpointSlice> tracker = new ChildTracker<>();
  private final SliceWriter writer;

  public EndpointSliceMirroringController(Vertx vertx, SharedInformers informers, int workers) {
    super(vertx, "endpointslicemirroring", workers);
    this.writer = new SliceWriter(informers.client(), tracker, MirroringReconciler.MANAGED_BY);
    this.services = informers.of(Service.class);
    this.endpoints = informers.of(Endpoints.class);
    this.slices = informers.of(EndpointSlice.class);
    watch(services);
    watch(endpoints);
    watch(slices, writer::serviceOf);
  }

  @Override
  protected Future<Void> sync(String key) {
    List<EndpointSlice> managed = writer.managed(slices, key);
    Endpoints source = endpoints.get(key);
    boolean mirror = MirroringReconciler.mirrors(services.get(key), source);
    MirroringReconciler.Changes changes =
        MirroringReconciler.reconcile(mirror ? source : null, managed);
    if (!mirror && managed.isEmpty()) {
      tracker.forget(key);
    }
    return writer.apply(key, changes.create(), changes.update(), changes.delete());
  }
}

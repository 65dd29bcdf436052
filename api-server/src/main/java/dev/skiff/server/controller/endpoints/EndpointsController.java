package dev.skiff.server.controller.endpoints;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.selector.Selector;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.RecentWrites;
import dev.skiff.server.controller.support.Selections;
import dev.skiff.server.controller.support.SharedInformers;
import dev.skiff.server.controller.support.Writes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Keeps every selector Service's Endpoints object equal to {@link EndpointsReconciler#desired};
 * deletes it with the Service (not an Endpoints object whose Service was never seen). Services
 * without a selector keep their user-managed Endpoints. Keys are Service keys; a pod event enqueues
 * the Services selecting it (before and after).
 */
public final class EndpointsController extends QueueController {
  private final KubeClient client;
  private final Informer<Service> services;
  private final Informer<Pod> pods;
  private final Informer<Endpoints> endpoints;
  private final RecentWrites<Endpoints> recent = new RecentWrites<>();

  public EndpointsController(Vertx vertx, SharedInformers informers, int workers) {
    super(vertx, "endpoints", workers);
    this.client = informers.client();
    this.services = informers.of(Service.class);
    this.pods = informers.of(Pod.class);
    this.endpoints = informers.of(Endpoints.class);
    watch(services);
    watchChanges(pods, this::servicesSelecting);
    watch(endpoints, this::ofExistingService);
  }

  /**
   * An Endpoints change concerns this controller only when its Service exists: Kubernetes'
   * endpoints controller never looks at an Endpoints object without a Service (a user may write it
   * before the Service, as {@code kubectl apply} of a file listing Endpoints first does), and
   * deletes Endpoints only when their Service is deleted (the Service's delete event enqueues the
   * key).
   */
  private List<String> ofExistingService(Endpoints ep) {
    String key = Keys.of(ep);
    return services.get(key) == null ? List.of() : List.of(key);
  }

  private List<String> servicesSelecting(Pod pod) {
    return Selections.servicesSelecting(services, pod);
  }

  @Override
  protected Future<Void> sync(String key) {
    Service svc = services.get(key);
    Endpoints current = recent.newest(key, endpoints.get(key));
    if (svc == null) {
      if (current == null) {
        return Future.succeededFuture();
      }
      recent.forget(key);
      return Writes.ignoreNotFound(
          client.delete(
              Endpoints.class, Keys.namespace(key), Keys.name(key), DeleteOptions.none()));
    }
    if (Selector.fromServiceSelector(svc.spec().selector).matchesNothing()) {
      return Future.succeededFuture();
    }
    EndpointsReconciler.Result result =
        EndpointsReconciler.reconcile(svc, Selections.candidatePods(pods, svc), current);
    if (result.write() == null) {
      return Future.succeededFuture();
    }
    return (result.create() ? client.create(result.write()) : client.update(result.write()))
        .onSuccess(written -> recent.remember(key, written))
        .onFailure(
            e -> {
              if (Errors.isNotFound(e) || Errors.isConflict(e)) {
                recent.forget(key);
              }
            })
        .mapEmpty();
  }
}

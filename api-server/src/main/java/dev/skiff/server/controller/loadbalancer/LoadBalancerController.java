package dev.skiff.server.controller.loadbalancer;

import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.Service;
import dev.skiff.server.alloc.AllocationException;
import dev.skiff.server.alloc.Claim;
import dev.skiff.server.alloc.HzAllocator;
import dev.skiff.server.alloc.HzAllocator.Outcome;
import dev.skiff.server.alloc.ServiceAllocators;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives LoadBalancer Services of this cluster's class (or no class) an ingress IP from the pool and
 * writes it to status.loadBalancer.ingress; until then kubectl shows {@code <pending>}. A requested
 * spec.loadBalancerIP (claimed at admission) is used as is. Services naming another
 * loadBalancerClass are left to that implementation. Releases are the repair loop's job. The
 * decisions are {@link LoadBalancerReconciler}'s.
 */
public final class LoadBalancerController extends QueueController {
  private static final Duration RETRY_FULL = Duration.ofSeconds(10);

  private final KubeClient client;
  private final Informer<Service> services;
  private final ServiceAllocators allocators;
  private final EventRecorder events;
  private final Map<String, String> unwritten = new ConcurrentHashMap<>();

  public LoadBalancerController(
      Vertx vertx, SharedInformers informers, ServiceAllocators allocators, EventRecorder events) {
    super(vertx, "loadbalancer", 2);
    this.client = informers.client();
    this.services = informers.of(Service.class);
    this.allocators = allocators;
    this.events = events;
    watch(services);
  }

  @Override
  protected Future<Void> sync(String key) {
    Service svc = services.get(key);
    if (svc == null
        || !LoadBalancerReconciler.ours(svc, allocators.options().loadBalancerClass())) {
      return Future.succeededFuture();
    }
    List<String> current = LoadBalancerReconciler.ingressIps(svc);
    return vertx
        .executeBlocking(() -> assign(svc, current), false)
        .compose(
            ip -> {
              if (ip == null) {
                events.warning(
                    svc,
                    "SyncLoadBalancerFailed",
                    "Error syncing load balancer: failed to allocate a load balancer IP: range is full");
                enqueueAfter(key, RETRY_FULL);
                return Future.succeededFuture();
              }
              if (current.equals(List.of(ip))) {
                unwritten.remove(svc.meta().uid);
                return Future.succeededFuture();
              }
              return writeStatus(svc, ip);
            });
  }

  /** The IP this Service should have (claimed for it), or null when the pool is full. */
  private String assign(Service svc, List<String> current) {
    Claim owner = allocators.claimFor(svc.meta().uid, svc.meta().namespace, svc.meta().name);
    HzAllocator pool = allocators.loadBalancerIps();
    List<String> candidates =
        LoadBalancerReconciler.candidates(svc, current, unwritten.get(svc.meta().uid));
    for (String candidate : candidates) {
      String ip = pool.canonical(candidate);
      if (ip != null && pool.claim(ip, owner) != Outcome.TAKEN) {
        return ip;
      }
    }
    try {
      String ip = pool.allocateNext(owner);
      unwritten.put(svc.meta().uid, ip);
      return ip;
    } catch (AllocationException full) {
      return null;
    }
  }

  private Future<Void> writeStatus(Service svc, String ip) {
    return client
        .updateStatus(LoadBalancerReconciler.withIngress(svc, ip))
        .onSuccess(
            s -> {
              unwritten.remove(svc.meta().uid);
              events.normal(svc, "EnsuredLoadBalancer", "Ensured load balancer");
            })
        .<Void>mapEmpty()
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }
}

package dev.skiff.server.controller.loadbalancer;

import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.core.LoadBalancerIngress;
import dev.skiff.api.model.core.LoadBalancerStatus;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives LoadBalancer Services of this cluster's class (or no class) an ingress IP from the pool and
 * writes it to status.loadBalancer.ingress; until then kubectl shows {@code <pending>}. A requested
 * spec.loadBalancerIP (claimed at admission) is used as is. Services naming another
 * loadBalancerClass are left to that implementation. Releases are the repair loop's job.
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

  private boolean ours(Service svc) {
    String cls = svc.spec().loadBalancerClass;
    return "LoadBalancer".equals(svc.spec().type)
        && (cls == null || cls.equals(allocators.options().loadBalancerClass()));
  }

  @Override
  protected Future<Void> sync(String key) {
    Service svc = services.get(key);
    if (svc == null || !ours(svc)) {
      return Future.succeededFuture();
    }
    List<String> current = ingressIps(svc);
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
    List<String> candidates = new ArrayList<>();
    if (svc.spec().loadBalancerIP != null && !svc.spec().loadBalancerIP.isEmpty()) {
      candidates.add(svc.spec().loadBalancerIP);
    } else {
      candidates.addAll(current);
      String pending = unwritten.get(svc.meta().uid);
      if (pending != null) {
        candidates.add(pending);
      }
    }
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
    Service updated = Json.copy(svc, Service.class);
    LoadBalancerIngress ingress = new LoadBalancerIngress();
    ingress.ip = ip;
    ingress.ipMode = "VIP";
    updated.status().loadBalancer = new LoadBalancerStatus();
    updated.status.loadBalancer.ingress = new ArrayList<>(List.of(ingress));
    return client
        .updateStatus(updated)
        .onSuccess(
            s -> {
              unwritten.remove(svc.meta().uid);
              events.normal(svc, "EnsuredLoadBalancer", "Ensured load balancer");
            })
        .<Void>mapEmpty()
        .recover(e -> Errors.isNotFound(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private static List<String> ingressIps(Service svc) {
    List<String> ips = new ArrayList<>();
    if (svc.status != null
        && svc.status.loadBalancer != null
        && svc.status.loadBalancer.ingress != null) {
      svc.status.loadBalancer.ingress.forEach(i -> ips.add(i.ip));
    }
    return ips;
  }
}

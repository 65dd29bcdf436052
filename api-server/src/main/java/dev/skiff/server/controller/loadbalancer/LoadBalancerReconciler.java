package dev.skiff.server.controller.loadbalancer;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.LoadBalancerIngress;
import dev.skiff.api.model.core.LoadBalancerStatus;
import dev.skiff.api.model.core.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The load balancer controller's decisions, pure: which Services are this cluster's, which IPs to
 * try to keep (in order) before taking a new one from the pool, and the status that publishes the
 * chosen IP. {@link LoadBalancerController} claims the IP and writes the status.
 */
final class LoadBalancerReconciler {
  private LoadBalancerReconciler() {}

  /** A LoadBalancer Service of {@code ourClass}, or of no class. */
  static boolean ours(Service svc, String ourClass) {
    String cls = svc.spec().loadBalancerClass;
    return "LoadBalancer".equals(svc.spec().type) && (cls == null || cls.equals(ourClass));
  }

  /** The IPs of status.loadBalancer.ingress. */
  static List<String> ingressIps(Service svc) {
    List<String> ips = new ArrayList<>();
    if (svc.status != null
        && svc.status.loadBalancer != null
        && svc.status.loadBalancer.ingress != null) {
      svc.status.loadBalancer.ingress.forEach(i -> ips.add(i.ip));
    }
    return ips;
  }

  /**
   * The IPs to claim first, in order: a requested spec.loadBalancerIP alone; otherwise the current
   * ingress IPs, then {@code pending} (taken from the pool earlier but not written yet), if any.
   */
  static List<String> candidates(Service svc, List<String> current, String pending) {
    if (svc.spec().loadBalancerIP != null && !svc.spec().loadBalancerIP.isEmpty()) {
      return List.of(svc.spec().loadBalancerIP);
    }
    List<String> candidates = new ArrayList<>(current);
    if (pending != null) {
      candidates.add(pending);
    }
    return candidates;
  }

  /** A copy of {@code svc} whose status publishes {@code ip} as its only ingress (a VIP). */
  static Service withIngress(Service svc, String ip) {
    Service updated = Json.copy(svc, Service.class);
    LoadBalancerIngress ingress = new LoadBalancerIngress();
    ingress.ip = ip;
    ingress.ipMode = "VIP";
    updated.status().loadBalancer = new LoadBalancerStatus();
    updated.status.loadBalancer.ingress = new ArrayList<>(List.of(ingress));
    return updated;
  }
}

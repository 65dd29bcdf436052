package dev.skiff.server.controller.allocationrepair;

import dev.skiff.api.model.core.LoadBalancerIngress;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.core.ServiceSpec;
import dev.skiff.server.alloc.HzAllocator;
import dev.skiff.server.alloc.ServiceAllocators;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The allocated values a stored Service holds, per allocator: its ClusterIP, its nodePorts and
 * healthCheckNodePort, and its LoadBalancer ingress IPs (and requested loadBalancerIP). Values are
 * canonical; values outside the configured ranges are not ours and are left out.
 */
public record HeldValues(Set<String> clusterIps, Set<String> nodePorts, Set<String> lbIps) {

  public static HeldValues of(Service svc, ServiceAllocators allocators) {
    ServiceSpec s = svc.spec();
    Set<String> ips = new LinkedHashSet<>();
    Set<String> ports = new LinkedHashSet<>();
    Set<String> lb = new LinkedHashSet<>();
    if (!"ExternalName".equals(s.type)) {
      add(ips, allocators.clusterIps(), s.clusterIP);
      if (s.clusterIPs != null) {
        s.clusterIPs.forEach(ip -> add(ips, allocators.clusterIps(), ip));
      }
    }
    if (s.ports != null) {
      for (ServicePort p : s.ports) {
        if (p.nodePort != null && p.nodePort != 0) {
          add(ports, allocators.nodePorts(), p.nodePort.toString());
        }
      }
    }
    if (s.healthCheckNodePort != null && s.healthCheckNodePort != 0) {
      add(ports, allocators.nodePorts(), s.healthCheckNodePort.toString());
    }
    if ("LoadBalancer".equals(s.type)) {
      add(lb, allocators.loadBalancerIps(), s.loadBalancerIP);
      if (svc.status != null
          && svc.status.loadBalancer != null
          && svc.status.loadBalancer.ingress != null) {
        for (LoadBalancerIngress ingress : svc.status.loadBalancer.ingress) {
          add(lb, allocators.loadBalancerIps(), ingress.ip);
        }
      }
    }
    return new HeldValues(ips, ports, lb);
  }

  /** The values held in {@code allocator}'s map. */
  public Set<String> in(ServiceAllocators allocators, HzAllocator allocator) {
    if (allocator == allocators.clusterIps()) {
      return clusterIps;
    }
    return allocator == allocators.nodePorts() ? nodePorts : lbIps;
  }

  private static void add(Set<String> into, HzAllocator allocator, String value) {
    if (value == null || value.isEmpty() || "None".equals(value)) {
      return;
    }
    String key = allocator.canonical(value);
    if (key != null) {
      into.add(key);
    }
  }
}

package dev.skiff.server.alloc;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.core.ServiceSpec;
import java.util.List;
import java.util.Objects;

/**
 * The Service strategy's dropTypeDependentFields, run before validation on update: what the old
 * type needed and the new type does not (ClusterIPs for ExternalName, nodePorts, the health check
 * port, externalTrafficPolicy, LoadBalancer-only fields and ingress status) is dropped when the
 * client left it unchanged, so "change the type down" is a valid update and frees those values.
 */
final class TypeDependentFields {
  private TypeDependentFields() {}

  static void drop(Service svc, Service old) {
    ServiceSpec s = svc.spec();
    ServiceSpec o = old.spec();
    String type = s.type == null || s.type.isEmpty() ? "ClusterIP" : s.type;
    boolean external = "NodePort".equals(type) || "LoadBalancer".equals(type);
    boolean loadBalancer = "LoadBalancer".equals(type);
    if ("ExternalName".equals(type)
        && !"ExternalName".equals(o.type)
        && Objects.equals(s.clusterIP, o.clusterIP)) {
      s.clusterIP = null;
      s.clusterIPs = null;
      if (Objects.equals(s.ipFamilies, o.ipFamilies)) {
        s.ipFamilies = null;
      }
      if (Objects.equals(s.ipFamilyPolicy, o.ipFamilyPolicy)) {
        s.ipFamilyPolicy = null;
      }
    }
    if (!external && s.ports != null && o.ports != null) {
      List<Integer> held = o.ports.stream().map(p -> p.nodePort).filter(Objects::nonNull).toList();
      for (ServicePort p : s.ports) {
        if (p.nodePort != null && held.contains(p.nodePort)) {
          p.nodePort = null;
        }
      }
    }
    boolean healthCheck = loadBalancer && "Local".equals(s.externalTrafficPolicy);
    if (!healthCheck && Objects.equals(s.healthCheckNodePort, o.healthCheckNodePort)) {
      s.healthCheckNodePort = null;
    }
    boolean externalIps = s.externalIPs != null && !s.externalIPs.isEmpty();
    if (!external
        && !externalIps
        && Objects.equals(s.externalTrafficPolicy, o.externalTrafficPolicy)) {
      s.externalTrafficPolicy = null;
    }
    if (!loadBalancer) {
      if (Objects.equals(s.allocateLoadBalancerNodePorts, o.allocateLoadBalancerNodePorts)) {
        s.allocateLoadBalancerNodePorts = null;
      }
      if (Objects.equals(s.loadBalancerClass, o.loadBalancerClass)) {
        s.loadBalancerClass = null;
      }
      if (svc.status != null && svc.status.loadBalancer != null) {
        svc.status.loadBalancer.ingress = null;
      }
    }
  }
}

package dev.skiff.api.defaults;

import static dev.skiff.api.defaults.PodDefaults.blank;

import dev.skiff.api.model.core.ClientIPConfig;
import dev.skiff.api.model.core.LoadBalancerStatus;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.core.ServiceSpec;
import dev.skiff.api.model.core.SessionAffinityConfig;
import dev.skiff.api.model.meta.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SetDefaults_Service, the clusterIP/clusterIPs normalisation of the Service strategy, and the
 * single-stack IPv4 family defaults of the IP allocator.
 */
public final class ServiceDefaults {
  private ServiceDefaults() {}

  static void apply(Service svc) {
    ServiceSpec s = svc.spec();
    if (blank(s.type)) {
      s.type = "ClusterIP";
    }
    if (blank(s.sessionAffinity)) {
      s.sessionAffinity = "None";
    }
    if ("ClientIP".equals(s.sessionAffinity)) {
      if (s.sessionAffinityConfig == null) {
        s.sessionAffinityConfig = new SessionAffinityConfig();
      }
      if (s.sessionAffinityConfig.clientIP == null) {
        s.sessionAffinityConfig.clientIP = new ClientIPConfig();
      }
      if (s.sessionAffinityConfig.clientIP.timeoutSeconds == null) {
        s.sessionAffinityConfig.clientIP.timeoutSeconds = 10800;
      }
    }
    if (s.ports != null) {
      s.ports.forEach(ServiceDefaults::port);
    }
    boolean externalName = "ExternalName".equals(s.type);
    boolean nodePorts = "NodePort".equals(s.type) || "LoadBalancer".equals(s.type);
    boolean externallyAccessible =
        nodePorts
            || ("ClusterIP".equals(s.type) && s.externalIPs != null && !s.externalIPs.isEmpty());
    if (externallyAccessible && blank(s.externalTrafficPolicy)) {
      s.externalTrafficPolicy = "Cluster";
    }
    if (blank(s.internalTrafficPolicy) && (nodePorts || "ClusterIP".equals(s.type))) {
      s.internalTrafficPolicy = "Cluster";
    }
    if ("LoadBalancer".equals(s.type) && s.allocateLoadBalancerNodePorts == null) {
      s.allocateLoadBalancerNodePorts = true;
    }
    normalizeClusterIps(s);
    if (!externalName) {
      if (s.ipFamilies == null || s.ipFamilies.isEmpty()) {
        s.ipFamilies = new ArrayList<>(List.of(family(s.clusterIP)));
      }
      if (blank(s.ipFamilyPolicy)) {
        s.ipFamilyPolicy = "SingleStack";
      }
    }
    if (svc.status().loadBalancer == null) {
      svc.status.loadBalancer = new LoadBalancerStatus();
    }
  }

  /**
   * patchAllocatedValues of the Service strategy, for updates: a PUT that omits what the server
   * allocated (clusterIP(s), ipFamilies, ipFamilyPolicy, nodePorts of ports with the same name or
   * port, healthCheckNodePort) keeps the old values. Call before {@link Defaults#apply}.
   */
  public static void patchAllocatedValues(Service svc, Service old) {
    if (old.spec == null) {
      return;
    }
    ServiceSpec s = svc.spec();
    ServiceSpec o = old.spec;
    boolean neededIps = !"ExternalName".equals(o.type);
    if (neededIps
        && !"ExternalName".equals(s.type)
        && blank(s.clusterIP)
        && (s.clusterIPs == null || s.clusterIPs.isEmpty())) {
      s.clusterIP = o.clusterIP;
      s.clusterIPs = o.clusterIPs == null ? null : new ArrayList<>(o.clusterIPs);
      if (s.ipFamilies == null || s.ipFamilies.isEmpty()) {
        s.ipFamilies = o.ipFamilies == null ? null : new ArrayList<>(o.ipFamilies);
      }
      if (blank(s.ipFamilyPolicy)) {
        s.ipFamilyPolicy = o.ipFamilyPolicy;
      }
    }
    boolean nodePorts = "NodePort".equals(s.type) || "LoadBalancer".equals(s.type);
    if (nodePorts && s.ports != null && o.ports != null) {
      for (ServicePort p : s.ports) {
        if (p.nodePort == null || p.nodePort == 0) {
          o.ports.stream()
              .filter(op -> samePort(p, op))
              .findFirst()
              .ifPresent(op -> p.nodePort = op.nodePort);
        }
      }
    }
    if ((s.healthCheckNodePort == null || s.healthCheckNodePort == 0)
        && "LoadBalancer".equals(s.type)
        && "Local".equals(s.externalTrafficPolicy)) {
      s.healthCheckNodePort = o.healthCheckNodePort;
    }
  }

  private static boolean samePort(ServicePort p, ServicePort old) {
    if (!blank(p.name) || !blank(old.name)) {
      return Objects.equals(p.name, old.name);
    }
    return Objects.equals(p.port, old.port);
  }

  private static void port(ServicePort p) {
    if (blank(p.protocol)) {
      p.protocol = "TCP";
    }
    if (p.targetPort == null
        || (p.targetPort.isInt() && p.targetPort.intValue() == 0)
        || (!p.targetPort.isInt() && p.targetPort.strValue().isEmpty())) {
      p.targetPort = p.port == null ? null : IntOrString.of(p.port);
    }
  }

  private static void normalizeClusterIps(ServiceSpec s) {
    boolean hasIps = s.clusterIPs != null && !s.clusterIPs.isEmpty();
    if (!blank(s.clusterIP) && !hasIps) {
      s.clusterIPs = new ArrayList<>(List.of(s.clusterIP));
    } else if (blank(s.clusterIP) && hasIps) {
      s.clusterIP = s.clusterIPs.get(0);
    }
  }

  private static String family(String clusterIp) {
    return clusterIp != null && clusterIp.contains(":") ? "IPv6" : "IPv4";
  }
}

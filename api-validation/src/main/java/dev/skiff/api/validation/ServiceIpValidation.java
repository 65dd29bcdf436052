package dev.skiff.api.validation;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServiceSpec;
import dev.skiff.api.names.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The IP side of a Service: clusterIP/clusterIPs, ipFamilies, ipFamilyPolicy, externalIPs, traffic
 * policies, and what an update may change. Loopback addresses are accepted (Skiff runs on
 * 127.0.0.0/8), unlike Kubernetes' ValidateNonSpecialIP.
 */
final class ServiceIpValidation {
  static final List<String> FAMILIES = List.of("IPv4", "IPv6");
  static final List<String> FAMILY_POLICIES =
      List.of("PreferDualStack", "RequireDualStack", "SingleStack");
  static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");

  private ServiceIpValidation() {}

  static void typeSpecific(ServiceSpec s, FieldPath spec, ErrorList errs) {
    boolean headless = "None".equals(s.clusterIP);
    String type = s.type == null ? "" : s.type;
    switch (type) {
      case "LoadBalancer", "NodePort" -> {
        if (headless) {
          errs.invalid(
              spec.child("clusterIPs").index(0),
              "None",
              "may not be set to 'None' for " + type + " services");
        }
      }
      case "ExternalName" -> {
        if (!ServiceValidation.isEmpty(s.clusterIPs)) {
          errs.forbidden(spec.child("clusterIPs"), "may not be set for ExternalName services");
        }
        if (!ServiceValidation.isEmpty(s.ipFamilies)) {
          errs.forbidden(spec.child("ipFamilies"), "may not be set for ExternalName services");
        }
        if (s.ipFamilyPolicy != null) {
          errs.forbidden(spec.child("ipFamilyPolicy"), "may not be set for ExternalName services");
        }
        String cname = s.externalName == null ? "" : s.externalName;
        cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
        if (cname.isEmpty()) {
          errs.required(spec.child("externalName"), "");
        } else {
          errs.invalidEach(spec.child("externalName"), cname, Names.isDns1123Subdomain(cname));
        }
      }
      default -> {}
    }
  }

  /** ValidateServiceClusterIPsRelatedFields and externalIPs. */
  static void validate(ServiceSpec s, FieldPath spec, ErrorList errs) {
    externalIps(s.externalIPs, spec.child("externalIPs"), errs);
    if ("ExternalName".equals(s.type)) {
      return;
    }
    FieldPath ips = spec.child("clusterIPs");
    if (s.clusterIP != null && !s.clusterIP.isEmpty()) {
      if (ServiceValidation.isEmpty(s.clusterIPs)) {
        errs.required(ips, "");
      } else if (!s.clusterIPs.get(0).equals(s.clusterIP)) {
        errs.invalid(ips, s.clusterIPs, "first value must match `clusterIP`");
      }
    } else if (!ServiceValidation.isEmpty(s.clusterIPs)) {
      errs.invalid(ips, s.clusterIPs, "must be empty when `clusterIP` is not specified");
    }
    if (s.ipFamilies != null) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < s.ipFamilies.size(); i++) {
        String f = s.ipFamilies.get(i);
        if (!FAMILIES.contains(f)) {
          errs.notSupported(spec.child("ipFamilies").index(i), f, FAMILIES);
        }
        if (!seen.add(f)) {
          errs.duplicate(spec.child("ipFamilies").index(i), f);
        }
      }
    }
    if (s.ipFamilyPolicy != null && !FAMILY_POLICIES.contains(s.ipFamilyPolicy)) {
      errs.notSupported(spec.child("ipFamilyPolicy"), s.ipFamilyPolicy, FAMILY_POLICIES);
    }
    if (s.clusterIPs != null) {
      for (int i = 0; i < s.clusterIPs.size(); i++) {
        String ip = s.clusterIPs.get(i);
        if (i == 0 && "None".equals(ip)) {
          if (s.clusterIPs.size() > 1) {
            errs.invalid(ips, s.clusterIPs, "'None' must be the first and only value");
          }
          continue;
        }
        errs.invalidEach(ips.index(i), ip, Names.isValidIp(ip == null ? "" : ip));
      }
      if (s.clusterIPs.size() > 2) {
        errs.invalid(ips, s.clusterIPs, "may only hold up to 2 values");
      }
    }
  }

  static void trafficPolicies(ServiceSpec s, FieldPath spec, ErrorList errs) {
    boolean external =
        "LoadBalancer".equals(s.type)
            || "NodePort".equals(s.type)
            || ("ClusterIP".equals(s.type) && !ServiceValidation.isEmpty(s.externalIPs));
    FieldPath etp = spec.child("externalTrafficPolicy");
    if (!external) {
      if (s.externalTrafficPolicy != null && !s.externalTrafficPolicy.isEmpty()) {
        errs.invalid(
            etp, s.externalTrafficPolicy, "may only be set for externally-accessible services");
      }
    } else {
      PortRules.oneOf(s.externalTrafficPolicy, TRAFFIC_POLICIES, etp, errs);
    }
    boolean needsHealthCheck =
        "LoadBalancer".equals(s.type) && "Local".equals(s.externalTrafficPolicy);
    if (s.healthCheckNodePort != null && s.healthCheckNodePort != 0) {
      if (!needsHealthCheck) {
        errs.invalid(
            spec.child("healthCheckNodePort"),
            s.healthCheckNodePort,
            "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
      } else {
        PortRules.portNumber(s.healthCheckNodePort, spec.child("healthCheckNodePort"), errs);
      }
    }
    if (s.internalTrafficPolicy != null && !TRAFFIC_POLICIES.contains(s.internalTrafficPolicy)) {
      errs.notSupported(
          spec.child("internalTrafficPolicy"), s.internalTrafficPolicy, TRAFFIC_POLICIES);
    }
  }

  /** validateUpgradeDowngradeClusterIPs, loadBalancerClass immutability. */
  static void validateUpdate(Service svc, Service old, ErrorList errs) {
    ServiceSpec s = svc.spec == null ? new ServiceSpec() : svc.spec;
    ServiceSpec o = old.spec == null ? new ServiceSpec() : old.spec;
    FieldPath spec = FieldPath.root("spec");
    if (!"ExternalName".equals(s.type) && !"ExternalName".equals(o.type)) {
      FieldPath first = spec.child("clusterIPs").index(0);
      if (!ServiceValidation.isEmpty(o.clusterIPs)) {
        if (ServiceValidation.isEmpty(s.clusterIPs)) {
          errs.invalid(
              first,
              s.clusterIPs == null ? List.of() : s.clusterIPs,
              "primary clusterIP can not be unset");
        } else if (!o.clusterIPs.get(0).equals(s.clusterIPs.get(0))) {
          errs.invalid(first, s.clusterIPs, "may not change once set");
        }
      }
    }
    if ("LoadBalancer".equals(o.type)
        && "LoadBalancer".equals(s.type)
        && o.loadBalancerClass != null
        && !o.loadBalancerClass.equals(s.loadBalancerClass)) {
      errs.invalid(spec.child("loadBalancerClass"), s.loadBalancerClass, "may not change once set");
    }
  }

  private static void externalIps(List<String> ips, FieldPath path, ErrorList errs) {
    if (ips == null) {
      return;
    }
    for (int i = 0; i < ips.size(); i++) {
      String ip = ips.get(i) == null ? "" : ips.get(i);
      errs.invalidEach(path.index(i), ip, Names.isValidIp(ip));
    }
  }
}

package dev.skiff.api.validation;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.core.ServiceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ValidateService: type, ports, selector, session affinity; IP fields in {@link
 * ServiceIpValidation}.
 */
public final class ServiceValidation {
  static final List<String> TYPES =
      List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  static final List<String> AFFINITIES = List.of("ClientIP", "None");
  static final int MAX_AFFINITY_SECONDS = 86400;

  private ServiceValidation() {}

  public static void validate(Service svc, ErrorList errs) {
    ObjectMetaValidation.validate(
        svc.metadata, true, NameRule.DNS1035_LABEL, FieldPath.root("metadata"), errs);
    ServiceSpec s = svc.spec == null ? new ServiceSpec() : svc.spec;
    FieldPath spec = FieldPath.root("spec");
    String type = s.type;
    boolean headless = "None".equals(s.clusterIP);
    if (isEmpty(s.ports) && !headless && !"ExternalName".equals(type)) {
      errs.required(spec.child("ports"), "");
    }
    ServiceIpValidation.typeSpecific(s, spec, errs);
    ports(s, spec.child("ports"), errs);
    ObjectMetaValidation.validateLabels(s.selector, spec.child("selector"), errs);
    sessionAffinity(s, spec, errs);
    ServiceIpValidation.validate(s, spec, errs);
    PortRules.oneOf(type, TYPES, spec.child("type"), errs);
    if ("ClusterIP".equals(type) && s.ports != null) {
      for (int i = 0; i < s.ports.size(); i++) {
        Integer np = s.ports.get(i).nodePort;
        if (np != null && np != 0) {
          errs.forbidden(
              spec.child("ports").index(i).child("nodePort"),
              "may not be used when `type` is 'ClusterIP'");
        }
      }
    }
    ServiceIpValidation.trafficPolicies(s, spec, errs);
  }

  private static void ports(ServiceSpec s, FieldPath path, ErrorList errs) {
    if (s.ports == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    Set<String> nodePorts = new HashSet<>();
    Set<String> portKeys = new HashSet<>();
    boolean requireName = s.ports.size() > 1;
    for (int i = 0; i < s.ports.size(); i++) {
      ServicePort sp = s.ports.get(i);
      FieldPath p = path.index(i);
      if (sp.name == null || sp.name.isEmpty()) {
        if (requireName) {
          errs.required(p.child("name"), "");
        }
      } else {
        PortRules.dns1123Label(sp.name, p.child("name"), errs);
        if (!names.add(sp.name)) {
          errs.duplicate(p.child("name"), sp.name);
        }
      }
      PortRules.portNumber(sp.port, p.child("port"), errs);
      PortRules.protocol(sp.protocol, p.child("protocol"), errs);
      if (sp.targetPort != null) {
        PortRules.numberOrName(sp.targetPort, p.child("targetPort"), errs);
      }
      if (sp.appProtocol != null) {
        PortRules.qualifiedName(sp.appProtocol, p.child("appProtocol"), errs);
      }
      String protocol = sp.protocol == null ? "TCP" : sp.protocol;
      if (sp.nodePort != null && sp.nodePort != 0) {
        PortRules.portNumber(sp.nodePort, p.child("nodePort"), errs);
        if (!nodePorts.add(protocol + "/" + sp.nodePort)) {
          errs.duplicate(p.child("nodePort"), sp.nodePort);
        }
      }
      if (!portKeys.add(protocol + "/" + sp.port)) {
        errs.duplicate(p, portKey(sp, protocol));
      }
    }
  }

  private static void sessionAffinity(ServiceSpec s, FieldPath spec, ErrorList errs) {
    PortRules.oneOf(s.sessionAffinity, AFFINITIES, spec.child("sessionAffinity"), errs);
    FieldPath cfg = spec.child("sessionAffinityConfig");
    if ("ClientIP".equals(s.sessionAffinity)) {
      String when = "when session affinity type is ClientIP";
      if (s.sessionAffinityConfig == null) {
        errs.required(cfg, when);
      } else if (s.sessionAffinityConfig.clientIP == null) {
        errs.required(cfg.child("clientIP"), when);
      } else if (s.sessionAffinityConfig.clientIP.timeoutSeconds == null) {
        errs.required(cfg.child("clientIP", "timeoutSeconds"), when);
      } else {
        int t = s.sessionAffinityConfig.clientIP.timeoutSeconds;
        if (t <= 0 || t > MAX_AFFINITY_SECONDS) {
          errs.invalid(
              cfg.child("clientIP", "timeoutSeconds"),
              t,
              "must be greater than 0 and less than " + MAX_AFFINITY_SECONDS);
        }
      }
    } else if ("None".equals(s.sessionAffinity) && s.sessionAffinityConfig != null) {
      errs.forbidden(cfg, "must not be set when session affinity is None");
    }
  }

  /** The value Kubernetes prints for a duplicate (protocol, port): its internal ServicePort. */
  private static ErrorList.Verbatim portKey(ServicePort sp, String protocol) {
    return new ErrorList.Verbatim(
        "{\"Name\":\"\",\"Protocol\":"
            + ErrorList.quote(protocol)
            + ",\"AppProtocol\":null,\"Port\":"
            + (sp.port == null ? 0 : sp.port)
            + ",\"TargetPort\":0,\"NodePort\":0}");
  }

  static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}

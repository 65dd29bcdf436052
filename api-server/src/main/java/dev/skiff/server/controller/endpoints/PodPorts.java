package dev.skiff.server.controller.endpoints;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import java.util.ArrayList;
import java.util.List;

/**
 * One member pod's resolved ports, in service-port order. Members with the same ports share an
 * Endpoints subset and EndpointSlices.
 */
public record PodPorts(Pod pod, List<ResolvedPort> ports) {

  /** A service port as it reaches one pod. */
  public record ResolvedPort(String name, int port, String protocol, String appProtocol) {}

  /** The ports of {@code pod} for {@code svc}; empty when a Service with ports reaches none. */
  public static PodPorts of(Service svc, Pod pod) {
    List<ResolvedPort> ports = new ArrayList<>();
    List<ServicePort> servicePorts = svc.spec().ports == null ? List.of() : svc.spec().ports;
    for (ServicePort sp : servicePorts) {
      int port = ServiceMembers.targetPort(sp, pod);
      if (port > 0) {
        ports.add(
            new ResolvedPort(
                sp.name == null ? "" : sp.name,
                port,
                sp.protocol == null ? "TCP" : sp.protocol,
                sp.appProtocol));
      }
    }
    return new PodPorts(pod, ports);
  }

  /** Members with their ports; a Service with ports drops members that reach none of them. */
  public static List<PodPorts> members(Service svc, List<Pod> members) {
    boolean hasPorts = svc.spec().ports != null && !svc.spec().ports.isEmpty();
    List<PodPorts> out = new ArrayList<>();
    for (Pod pod : members) {
      PodPorts pp = of(svc, pod);
      if (!hasPorts || !pp.ports().isEmpty()) {
        out.add(pp);
      }
    }
    return out;
  }
}

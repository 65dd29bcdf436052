package dev.skiff.server.controller.endpointslice;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointConditions;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.server.controller.endpoints.EndpointsReconciler;
import dev.skiff.server.controller.endpoints.PodPorts;
import dev.skiff.server.controller.endpoints.ServiceMembers;
import java.util.ArrayList;
import java.util.List;

/** How one member pod appears in an EndpointSlice (podToEndpoint). */
final class SliceEndpoints {
  private SliceEndpoints() {}

  static Endpoint of(Service svc, Pod pod) {
    Endpoint e = new Endpoint();
    e.addresses = new ArrayList<>(List.of(pod.status.podIP));
    e.conditions = new EndpointConditions();
    e.conditions.ready = ServiceMembers.isReady(svc, pod);
    e.conditions.serving = ServiceMembers.isPodReady(pod);
    e.conditions.terminating = ServiceMembers.isTerminating(pod);
    e.targetRef = EndpointsReconciler.podRef(pod);
    e.nodeName = pod.spec == null ? null : pod.spec.nodeName;
    if (pod.spec != null
        && pod.spec.hostname != null
        && svc.meta().name.equals(pod.spec.subdomain)) {
      e.hostname = pod.spec.hostname;
    }
    return e;
  }

  /** The identity of an endpoint across rewrites: its pod (uid), else its first address. */
  static String key(Endpoint e) {
    if (e.targetRef != null && e.targetRef.uid != null) {
      return e.targetRef.uid;
    }
    return e.addresses == null || e.addresses.isEmpty() ? "" : e.addresses.get(0);
  }

  static String address(Endpoint e) {
    return e.addresses == null || e.addresses.isEmpty() ? "" : e.addresses.get(0);
  }

  static List<EndpointPort> ports(List<PodPorts.ResolvedPort> ports) {
    List<EndpointPort> out = new ArrayList<>();
    for (PodPorts.ResolvedPort p : ports) {
      EndpointPort ep = new EndpointPort();
      ep.name = p.name();
      ep.port = p.port();
      ep.protocol = p.protocol();
      ep.appProtocol = p.appProtocol();
      out.add(ep);
    }
    return out;
  }

  static List<PodPorts.ResolvedPort> resolved(List<EndpointPort> ports) {
    List<PodPorts.ResolvedPort> out = new ArrayList<>();
    if (ports != null) {
      for (EndpointPort p : ports) {
        out.add(
            new PodPorts.ResolvedPort(
                p.name == null ? "" : p.name,
                p.port == null ? 0 : p.port,
                p.protocol == null ? "TCP" : p.protocol,
                p.appProtocol));
      }
    }
    return out;
  }
}

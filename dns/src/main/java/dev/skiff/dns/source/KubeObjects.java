package dev.skiff.dns.source;

import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.core.ServiceSpec;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.dns.zone.EndpointEntry;
import dev.skiff.dns.zone.EndpointSliceEntry;
import dev.skiff.dns.zone.PodEntry;
import dev.skiff.dns.zone.PortEntry;
import dev.skiff.dns.zone.ServiceEntry;
import dev.skiff.dns.zone.ServiceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Converts API objects to the zone's entries: only the fields DNS uses. Pure. */
final class KubeObjects {
  /** Legacy annotation with the meaning of publishNotReadyAddresses (specification 2.1). */
  static final String TOLERATE_UNREADY = "service.alpha.kubernetes.io/tolerate-unready-endpoints";

  private KubeObjects() {}

  static ServiceEntry service(Service service) {
    ServiceSpec spec = service.spec();
    boolean headless = "None".equals(spec.clusterIP);
    List<String> clusterIPs = new ArrayList<>();
    if (!headless) {
      if (spec.clusterIPs != null && !spec.clusterIPs.isEmpty()) {
        clusterIPs.addAll(spec.clusterIPs);
      } else if (spec.clusterIP != null && !spec.clusterIP.isEmpty()) {
        clusterIPs.add(spec.clusterIP);
      }
    }
    List<PortEntry> ports = new ArrayList<>();
    for (ServicePort port : spec.ports == null ? List.<ServicePort>of() : spec.ports) {
      if (port.port != null) {
        ports.add(new PortEntry(port.name, port.protocol, port.port));
      }
    }
    Map<String, String> annotations = service.meta().annotations;
    boolean publishNotReady =
        Boolean.TRUE.equals(spec.publishNotReadyAddresses)
            || (annotations != null && "true".equals(annotations.get(TOLERATE_UNREADY)));
    return new ServiceEntry(
        service.meta().namespace,
        service.meta().name,
        ServiceType.fromKube(spec.type),
        clusterIPs,
        ports,
        spec.externalName,
        publishNotReady,
        headless);
  }

  /** The slice's entry, or null when it names no Service (label kubernetes.io/service-name). */
  static EndpointSliceEntry slice(EndpointSlice slice) {
    Map<String, String> labels = slice.meta().labels;
    String serviceName = labels == null ? null : labels.get(EndpointSlice.SERVICE_NAME_LABEL);
    if (serviceName == null || serviceName.isEmpty()) {
      return null;
    }
    List<PortEntry> ports = new ArrayList<>();
    for (EndpointPort port : slice.ports == null ? List.<EndpointPort>of() : slice.ports) {
      if (port.port != null) {
        ports.add(new PortEntry(port.name, port.protocol, port.port));
      }
    }
    List<EndpointEntry> endpoints = new ArrayList<>();
    for (Endpoint endpoint : slice.endpoints == null ? List.<Endpoint>of() : slice.endpoints) {
      // A nil ready condition means ready (discovery.k8s.io/v1 EndpointConditions).
      boolean ready =
          endpoint.conditions == null || !Boolean.FALSE.equals(endpoint.conditions.ready);
      String target = endpoint.targetRef == null ? null : endpoint.targetRef.name;
      for (String address : endpoint.addresses == null ? List.<String>of() : endpoint.addresses) {
        endpoints.add(
            new EndpointEntry(address, endpoint.hostname, ready, endpoint.nodeName, target, ports));
      }
    }
    return new EndpointSliceEntry(
        slice.meta().namespace, slice.meta().name, serviceName, endpoints);
  }

  /** The pod's addresses (none before it has one). */
  static PodEntry pod(Pod pod) {
    List<String> ips = new ArrayList<>();
    if (pod.status != null && pod.status.podIPs != null && !pod.status.podIPs.isEmpty()) {
      pod.status.podIPs.forEach(ip -> ips.add(ip.ip));
    } else if (pod.status != null && pod.status.podIP != null) {
      ips.add(pod.status.podIP);
    }
    return new PodEntry(pod.meta().namespace, pod.meta().name, ips);
  }
}

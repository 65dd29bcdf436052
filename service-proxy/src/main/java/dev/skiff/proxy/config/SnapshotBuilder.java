package dev.skiff.proxy.config;

import dev.skiff.api.model.core.LoadBalancerIngress;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeAddress;
import dev.skiff.api.model.core.Readiness;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServiceSpec;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.proxy.model.BackendEndpoint;
import dev.skiff.proxy.model.NodeInfo;
import dev.skiff.proxy.model.Protocol;
import dev.skiff.proxy.model.ProxyServicePort;
import dev.skiff.proxy.model.ServicePortName;
import dev.skiff.proxy.model.SessionAffinity;
import dev.skiff.proxy.model.Snapshot;
import dev.skiff.proxy.model.TrafficPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pure: Services, EndpointSlices and Nodes (as the API serves them) to a {@link Snapshot}. An
 * endpoint counts when its {@code ready} condition is not false (unset means ready); a slice port
 * serves the Service port with the same name and protocol. ExternalName and headless Services are
 * not proxied; NodePorts exist for NodePort and LoadBalancer Services; ingress IPs only for
 * LoadBalancer Services.
 */
public final class SnapshotBuilder {
  private final String nodeName;

  public SnapshotBuilder(String nodeName) {
    this.nodeName = nodeName;
  }

  public Snapshot build(
      Collection<Service> services, Collection<EndpointSlice> slices, Collection<Node> nodes) {
    Map<String, List<EndpointSlice>> slicesByService = new LinkedHashMap<>();
    for (EndpointSlice slice : slices) {
      Map<String, String> labels = slice.meta().labels;
      String service = labels == null ? null : labels.get(EndpointSlice.SERVICE_NAME_LABEL);
      if (service != null) {
        slicesByService
            .computeIfAbsent(slice.meta().namespace + "/" + service, k -> new ArrayList<>())
            .add(slice);
      }
    }
    List<ProxyServicePort> ports = new ArrayList<>();
    for (Service svc : services) {
      String key = svc.meta().namespace + "/" + svc.meta().name;
      ports.addAll(servicePorts(svc, slicesByService.getOrDefault(key, List.of())));
    }
    return Snapshot.of(
        ports, nodes.stream().map(SnapshotBuilder::nodeInfo).filter(Objects::nonNull).toList());
  }

  private List<ProxyServicePort> servicePorts(Service svc, List<EndpointSlice> slices) {
    ServiceSpec spec = svc.spec;
    if (spec == null || spec.ports == null || "ExternalName".equals(spec.type)) {
      return List.of();
    }
    boolean nodePorts = "NodePort".equals(spec.type) || "LoadBalancer".equals(spec.type);
    List<String> ingress = "LoadBalancer".equals(spec.type) ? ingressIPs(svc) : List.of();
    String clusterIP = "None".equals(spec.clusterIP) ? null : spec.clusterIP;
    List<ProxyServicePort> out = new ArrayList<>();
    for (dev.skiff.api.model.core.ServicePort p : spec.ports) {
      Protocol protocol = Protocol.parse(p.protocol);
      if (p.port == null || (clusterIP == null && !nodePorts)) {
        continue;
      }
      out.add(
          ProxyServicePort.builder(
                  new ServicePortName(svc.meta().namespace, svc.meta().name, p.name))
              .protocol(protocol)
              .clusterIP(clusterIP)
              .port(p.port)
              .nodePort(nodePorts && p.nodePort != null ? p.nodePort : 0)
              .ingressIPs(ingress)
              .affinity(affinity(spec))
              .externalTrafficPolicy(TrafficPolicy.parse(spec.externalTrafficPolicy))
              .endpoints(endpoints(slices, p.name, protocol))
              .build());
    }
    return out;
  }

  private List<BackendEndpoint> endpoints(
      List<EndpointSlice> slices, String portName, Protocol protocol) {
    Map<String, BackendEndpoint> byAddress = new LinkedHashMap<>();
    String wanted = portName == null ? "" : portName;
    for (EndpointSlice slice : slices) {
      if (slice.ports == null || slice.endpoints == null || "FQDN".equals(slice.addressType)) {
        continue;
      }
      for (EndpointPort port : slice.ports) {
        String name = port.name == null ? "" : port.name;
        if (!name.equals(wanted)
            || Protocol.parse(port.protocol) != protocol
            || port.port == null) {
          continue;
        }
        for (dev.skiff.api.model.discovery.Endpoint e : slice.endpoints) {
          boolean ready = e.conditions == null || !Boolean.FALSE.equals(e.conditions.ready);
          if (!ready || e.addresses == null || e.addresses.isEmpty()) {
            continue;
          }
          String node = e.nodeName == null ? "" : e.nodeName;
          BackendEndpoint ep =
              new BackendEndpoint(
                  e.addresses.get(0), port.port, node, node.equals(nodeName) && !node.isEmpty());
          byAddress.putIfAbsent(ep.hostPort(), ep);
        }
      }
    }
    return List.copyOf(byAddress.values());
  }

  private static SessionAffinity affinity(ServiceSpec spec) {
    if (!"ClientIP".equals(spec.sessionAffinity)) {
      return SessionAffinity.NONE;
    }
    Integer timeout =
        spec.sessionAffinityConfig == null || spec.sessionAffinityConfig.clientIP == null
            ? null
            : spec.sessionAffinityConfig.clientIP.timeoutSeconds;
    return SessionAffinity.clientIP(
        timeout == null ? SessionAffinity.DEFAULT_TIMEOUT_SECONDS : timeout);
  }

  private static List<String> ingressIPs(Service svc) {
    if (svc.status == null
        || svc.status.loadBalancer == null
        || svc.status.loadBalancer.ingress == null) {
      return List.of();
    }
    return svc.status.loadBalancer.ingress.stream()
        .map((LoadBalancerIngress i) -> i.ip)
        .filter(ip -> ip != null && !ip.isEmpty())
        .toList();
  }

  /** Null for a node without an address (nothing to forward to). */
  static NodeInfo nodeInfo(Node node) {
    if (node.status == null || node.status.addresses == null) {
      return null;
    }
    String address = null;
    for (NodeAddress a : node.status.addresses) {
      if ("InternalIP".equals(a.type)) {
        address = a.address;
        break;
      }
      if (address == null && ("ExternalIP".equals(a.type))) {
        address = a.address;
      }
    }
    if (address == null) {
      return null;
    }
    return new NodeInfo(node.meta().name, address, Readiness.isReady(node));
  }
}

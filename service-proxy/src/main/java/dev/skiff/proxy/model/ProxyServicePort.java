package dev.skiff.proxy.model;

import java.util.List;
import java.util.Objects;

/**
 * The desired state of one Service port: where it listens and which Ready endpoints serve it.
 *
 * @param name the {@code namespace/name:port} key
 * @param protocol TCP or UDP
 * @param clusterIP the ClusterIP, or null for a headless Service (nothing to proxy)
 * @param port the Service port on the ClusterIP and the ingress IPs
 * @param nodePort the NodePort, or 0 when the Service has none
 * @param ingressIPs the LoadBalancer ingress IPs (status.loadBalancer.ingress[].ip)
 * @param affinity session affinity
 * @param externalTrafficPolicy which endpoints NodePort and LoadBalancer traffic may reach
 * @param endpoints the Ready endpoints, in no particular order
 */
public record ProxyServicePort(
    ServicePortName name,
    Protocol protocol,
    String clusterIP,
    int port,
    int nodePort,
    List<String> ingressIPs,
    SessionAffinity affinity,
    TrafficPolicy externalTrafficPolicy,
    List<BackendEndpoint> endpoints) {

  public ProxyServicePort {
    Objects.requireNonNull(name, "name");
    protocol = protocol == null ? Protocol.TCP : protocol;
    ingressIPs = ingressIPs == null ? List.of() : List.copyOf(ingressIPs);
    affinity = affinity == null ? SessionAffinity.NONE : affinity;
    externalTrafficPolicy =
        externalTrafficPolicy == null ? TrafficPolicy.CLUSTER : externalTrafficPolicy;
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  public static Builder builder(ServicePortName name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    return new Builder(name)
        .protocol(protocol)
        .clusterIP(clusterIP)
        .port(port)
        .nodePort(nodePort)
        .ingressIPs(ingressIPs)
        .affinity(affinity)
        .externalTrafficPolicy(externalTrafficPolicy)
        .endpoints(endpoints);
  }

  /** The endpoints that run on this proxy's node. */
  public List<BackendEndpoint> localEndpoints() {
    return endpoints.stream().filter(BackendEndpoint::local).toList();
  }

  /** Builder for tests and the snapshot builder; unset fields take Kubernetes defaults. */
  public static final class Builder {
    private final ServicePortName name;
    private Protocol protocol = Protocol.TCP;
    private String clusterIP;
    private int port;
    private int nodePort;
    private List<String> ingressIPs = List.of();
    private SessionAffinity affinity = SessionAffinity.NONE;
    private TrafficPolicy policy = TrafficPolicy.CLUSTER;
    private List<BackendEndpoint> endpoints = List.of();

    private Builder(ServicePortName name) {
      this.name = name;
    }

    public Builder protocol(Protocol protocol) {
      this.protocol = protocol;
      return this;
    }

    public Builder clusterIP(String clusterIP) {
      this.clusterIP = clusterIP;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder nodePort(int nodePort) {
      this.nodePort = nodePort;
      return this;
    }

    public Builder ingressIPs(List<String> ingressIPs) {
      this.ingressIPs = ingressIPs;
      return this;
    }

    public Builder affinity(SessionAffinity affinity) {
      this.affinity = affinity;
      return this;
    }

    public Builder externalTrafficPolicy(TrafficPolicy policy) {
      this.policy = policy;
      return this;
    }

    public Builder endpoints(List<BackendEndpoint> endpoints) {
      this.endpoints = endpoints;
      return this;
    }

    public Builder endpoints(BackendEndpoint... endpoints) {
      return endpoints(List.of(endpoints));
    }

    public ProxyServicePort build() {
      return new ProxyServicePort(
          name, protocol, clusterIP, port, nodePort, ingressIPs, affinity, policy, endpoints);
    }
  }
}

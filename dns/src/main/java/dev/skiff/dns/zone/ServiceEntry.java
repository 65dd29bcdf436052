package dev.skiff.dns.zone;

import java.util.List;

/**
 * What DNS needs of one Service.
 *
 * @param namespace the namespace
 * @param name the Service name
 * @param type the Service type
 * @param clusterIPs the allocated ClusterIPs (IPv4 and/or IPv6); empty for headless Services
 * @param ports the Service ports
 * @param externalName the target of an ExternalName Service, else null
 * @param publishNotReadyAddresses whether not-ready endpoints are published too
 * @param headless whether {@code spec.clusterIP} is "None"
 */
public record ServiceEntry(
    String namespace,
    String name,
    ServiceType type,
    List<String> clusterIPs,
    List<PortEntry> ports,
    String externalName,
    boolean publishNotReadyAddresses,
    boolean headless) {

  public ServiceEntry {
    clusterIPs = clusterIPs == null ? List.of() : List.copyOf(clusterIPs);
    ports = ports == null ? List.of() : List.copyOf(ports);
    type = type == null ? ServiceType.CLUSTER_IP : type;
  }

  /** A ClusterIP Service with the given address and ports. */
  public static ServiceEntry clusterIp(String ns, String name, String ip, PortEntry... ports) {
    return new ServiceEntry(
        ns, name, ServiceType.CLUSTER_IP, List.of(ip), List.of(ports), null, false, false);
  }

  /** A headless Service (clusterIP: None). */
  public static ServiceEntry headless(String ns, String name, PortEntry... ports) {
    return new ServiceEntry(
        ns, name, ServiceType.CLUSTER_IP, List.of(), List.of(ports), null, false, true);
  }

  /** An ExternalName Service. */
  public static ServiceEntry externalName(String ns, String name, String target) {
    return new ServiceEntry(
        ns, name, ServiceType.EXTERNAL_NAME, List.of(), List.of(), target, false, false);
  }

  public ZoneKey key() {
    return new ZoneKey(namespace, name);
  }

  public ServiceEntry withPublishNotReadyAddresses(boolean publish) {
    return new ServiceEntry(
        namespace, name, type, clusterIPs, ports, externalName, publish, headless);
  }
}

package dev.skiff.dns;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.model.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Address;

/**
 * The kube-dns Service in kube-system that fronts the node agents' DNS servers: its ClusterIP is
 * the 10th address of the service CIDR, it listens on port 53 over UDP and TCP, and it forwards to
 * the node's DNS server port ({@link DnsServerOptions#DNS_PORT}, or {@link
 * DnsServerOptions#HIGH_PORT} where binding 53 is not allowed).
 */
public final class KubeDnsService {
  public static final String NAMESPACE = "kube-system";
  public static final String NAME = "kube-dns";
  public static final Map<String, String> LABELS = Map.of("k8s-app", "kube-dns");

  private KubeDnsService() {}

  /** The 10th address of an IPv4 CIDR: 127.10.0.0/16 -> 127.10.0.10. */
  public static String clusterIp(String serviceCidr) {
    String[] parts = serviceCidr.split("/");
    byte[] base = Address.toByteArray(parts[0], Address.IPv4);
    if (base == null || parts.length != 2) {
      throw new IllegalArgumentException("not an IPv4 CIDR: " + serviceCidr);
    }
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 0 || prefix > 28) {
      throw new IllegalArgumentException("CIDR too small for a 10th address: " + serviceCidr);
    }
    long value = 0;
    for (byte b : base) {
      value = (value << 8) | (b & 0xFF);
    }
    long network = prefix == 0 ? 0 : value & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long tenth = network + 10;
    return ((tenth >> 24) & 0xFF)
        + "."
        + ((tenth >> 16) & 0xFF)
        + "."
        + ((tenth >> 8) & 0xFF)
        + "."
        + (tenth & 0xFF);
  }

  /** The Service object to create (once per cluster). */
  public static Service service(String serviceCidr, int targetPort) {
    Service service = new Service();
    service.metadata = new ObjectMeta();
    service.metadata.namespace = NAMESPACE;
    service.metadata.name = NAME;
    service.metadata.labels = LABELS;
    service.spec().type = "ClusterIP";
    service.spec().clusterIP = clusterIp(serviceCidr);
    service.spec().ports =
        List.of(port("dns", "UDP", targetPort), port("dns-tcp", "TCP", targetPort));
    return service;
  }

  private static ServicePort port(String name, String protocol, int targetPort) {
    ServicePort port = new ServicePort();
    port.name = name;
    port.protocol = protocol;
    port.port = DnsServerOptions.DNS_PORT;
    port.targetPort = IntOrString.of(targetPort);
    return port;
  }
}

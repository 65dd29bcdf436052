package dev.skiff.dns.testing;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointConditions;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.ObjectMeta;
import java.util.List;
import java.util.Map;

/** API objects for the cluster tests. */
public final class Objects {
  private Objects() {}

  public static Service service(String namespace, String name, String clusterIp, String type) {
    Service service = new Service();
    service.metadata = new ObjectMeta();
    service.metadata.namespace = namespace;
    service.metadata.name = name;
    service.spec().type = type;
    service.spec().clusterIP = clusterIp;
    if (!"ExternalName".equals(type)) {
      ServicePort http = new ServicePort();
      http.name = "http";
      http.protocol = "TCP";
      http.port = 80;
      service.spec().ports = List.of(http);
      service.spec().selector = Map.of("app", name);
    }
    return service;
  }

  public static Service externalName(String namespace, String name, String target) {
    Service service = service(namespace, name, null, "ExternalName");
    service.spec().externalName = target;
    return service;
  }

  /** One endpoint: address, hostname (may be null), ready. */
  public record Ep(String ip, String hostname, boolean ready) {}

  public static EndpointSlice slice(String namespace, String service, String name, Ep... eps) {
    EndpointSlice slice = new EndpointSlice();
    slice.metadata = new ObjectMeta();
    slice.metadata.namespace = namespace;
    slice.metadata.name = name;
    slice.metadata.labels = Map.of(EndpointSlice.SERVICE_NAME_LABEL, service);
    slice.addressType = "IPv4";
    EndpointPort port = new EndpointPort();
    port.name = "http";
    port.protocol = "TCP";
    port.port = 8080;
    slice.ports = List.of(port);
    slice.endpoints =
        java.util.Arrays.stream(eps)
            .map(
                ep -> {
                  Endpoint endpoint = new Endpoint();
                  endpoint.addresses = List.of(ep.ip());
                  endpoint.hostname = ep.hostname();
                  endpoint.conditions = new EndpointConditions();
                  endpoint.conditions.ready = ep.ready();
                  return endpoint;
                })
            .toList();
    return slice;
  }
}

package dev.skiff.dns.testing;

import static dev.skiff.api.testing.ApiObjects.endpoint;
import static dev.skiff.api.testing.ApiObjects.endpointPort;
import static dev.skiff.api.testing.ApiObjects.servicePort;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.testing.ApiObjects;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The Services and EndpointSlices the DNS cluster tests write. */
public final class DnsObjects {
  private DnsObjects() {}

  /** A Service of {@code type}; all but ExternalName get port http/80 and selector app=name. */
  public static Service service(String namespace, String name, String clusterIp, String type) {
    Service service = ApiObjects.service(namespace, name);
    service.spec().type = type;
    service.spec().clusterIP = clusterIp;
    if (!"ExternalName".equals(type)) {
      service.spec().ports = List.of(servicePort("http", 80));
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

  /** An IPv4 slice of {@code service} with port http/8080. */
  public static EndpointSlice slice(String namespace, String service, String name, Ep... eps) {
    EndpointSlice slice = ApiObjects.slice(namespace, name);
    slice.metadata.labels = Map.of(EndpointSlice.SERVICE_NAME_LABEL, service);
    slice.addressType = "IPv4";
    slice.ports = List.of(endpointPort("http", 8080));
    slice.endpoints =
        Arrays.stream(eps)
            .map(
                ep -> {
                  Endpoint endpoint = endpoint(ep.ip(), ep.ready());
                  endpoint.hostname = ep.hostname();
                  return endpoint;
                })
            .toList();
    return slice;
  }
}

package dev.skiff.dns.zone;

import java.util.List;

/**
 * What DNS needs of one EndpointSlice: the Service it belongs to (label kubernetes.io/service-name)
 * and its flattened endpoint addresses.
 */
public record EndpointSliceEntry(
    String namespace, String name, String serviceName, List<EndpointEntry> endpoints) {

  public EndpointSliceEntry {
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  public ZoneKey key() {
    return new ZoneKey(namespace, name);
  }

  public ZoneKey serviceKey() {
    return new ZoneKey(namespace, serviceName);
  }
}

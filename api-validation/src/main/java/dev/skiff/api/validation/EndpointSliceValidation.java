package dev.skiff.api.validation;

import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.names.IpLiterals;
import dev.skiff.api.names.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** discovery/v1 ValidateEndpointSlice(Update): address type, endpoints, ports. */
public final class EndpointSliceValidation {
  static final List<String> ADDRESS_TYPES = List.of("FQDN", "IPv4", "IPv6");
  static final int MAX_ENDPOINTS = 1000;
  static final int MAX_ADDRESSES = 100;
  static final int MAX_PORTS = 20000;

  private EndpointSliceValidation() {}

  public static void validate(EndpointSlice es, ErrorList errs) {
    ObjectMetaValidation.validate(
        es.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    FieldPath type = FieldPath.root("addressType");
    if (es.addressType == null || es.addressType.isEmpty()) {
      errs.required(type, "");
    } else if (!ADDRESS_TYPES.contains(es.addressType)) {
      errs.notSupported(type, es.addressType, ADDRESS_TYPES);
    }
    endpoints(es.endpoints, es.addressType, FieldPath.root("endpoints"), errs);
    ports(es.ports, FieldPath.root("ports"), errs);
  }

  public static void validateUpdate(EndpointSlice es, EndpointSlice old, ErrorList errs) {
    if (!Objects.equals(es.addressType, old.addressType)) {
      errs.invalid(FieldPath.root("addressType"), es.addressType, "field is immutable");
    }
  }

  private static void endpoints(
      List<Endpoint> endpoints, String type, FieldPath path, ErrorList errs) {
    if (endpoints == null) {
      return;
    }
    if (endpoints.size() > MAX_ENDPOINTS) {
      errs.tooMany(path, endpoints.size(), MAX_ENDPOINTS);
    }
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint e = endpoints.get(i);
      FieldPath p = path.index(i);
      FieldPath addrs = p.child("addresses");
      if (ServiceValidation.isEmpty(e.addresses)) {
        errs.required(addrs, "must contain at least 1 address");
      } else {
        if (e.addresses.size() > MAX_ADDRESSES) {
          errs.tooMany(addrs, e.addresses.size(), MAX_ADDRESSES);
        }
        for (int j = 0; j < e.addresses.size(); j++) {
          address(e.addresses.get(j), type, addrs.index(j), errs);
        }
      }
      if (e.nodeName != null) {
        errs.invalidEach(p.child("nodeName"), e.nodeName, Names.isDns1123Subdomain(e.nodeName));
      }
      if (e.hostname != null) {
        PortRules.dns1123Label(e.hostname, p.child("hostname"), errs);
      }
    }
  }

  private static void address(String a, String type, FieldPath p, ErrorList errs) {
    String addr = a == null ? "" : a;
    if ("IPv4".equals(type) && !(IpLiterals.isIpv4(addr))) {
      errs.invalid(p, addr, "must be a valid IPv4 address");
    } else if ("IPv6".equals(type) && !(addr.contains(":") && IpLiterals.isIpv6(addr))) {
      errs.invalid(p, addr, "must be a valid IPv6 address");
    } else if ("FQDN".equals(type)) {
      errs.invalidEach(p, addr, Names.isDns1123Subdomain(addr));
    }
  }

  private static void ports(List<EndpointPort> ports, FieldPath path, ErrorList errs) {
    if (ports == null) {
      return;
    }
    if (ports.size() > MAX_PORTS) {
      errs.tooMany(path, ports.size(), MAX_PORTS);
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      EndpointPort port = ports.get(i);
      FieldPath p = path.index(i);
      String name = port.name == null ? "" : port.name;
      if (!name.isEmpty()) {
        PortRules.dns1123Label(name, p.child("name"), errs);
      }
      if (!names.add(name)) {
        errs.duplicate(p.child("name"), name);
      }
      if (port.port != null) {
        PortRules.portNumber(port.port, p.child("port"), errs);
      }
      PortRules.protocol(port.protocol, p.child("protocol"), errs);
      if (port.appProtocol != null) {
        PortRules.qualifiedName(port.appProtocol, p.child("appProtocol"), errs);
      }
    }
  }
}

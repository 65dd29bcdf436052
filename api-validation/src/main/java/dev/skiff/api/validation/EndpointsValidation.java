package dev.skiff.api.validation;

import dev.skiff.api.model.core.EndpointAddress;
import dev.skiff.api.model.core.EndpointPort;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.names.Names;
import java.util.List;

/** ValidateEndpoints (v1): subsets need addresses; IPs, hostnames, node names and ports. */
public final class EndpointsValidation {
  private EndpointsValidation() {}

  public static void validate(Endpoints ep, ErrorList errs) {
    ObjectMetaValidation.validate(
        ep.metadata, true, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    if (ep.subsets == null) {
      return;
    }
    FieldPath subsets = FieldPath.root("subsets");
    for (int i = 0; i < ep.subsets.size(); i++) {
      EndpointSubset ss = ep.subsets.get(i);
      FieldPath p = subsets.index(i);
      if (ServiceValidation.isEmpty(ss.addresses)
          && ServiceValidation.isEmpty(ss.notReadyAddresses)) {
        errs.required(p, "must specify `addresses` or `notReadyAddresses`");
      }
      addresses(ss.addresses, p.child("addresses"), errs);
      addresses(ss.notReadyAddresses, p.child("notReadyAddresses"), errs);
      if (ss.ports != null) {
        for (int j = 0; j < ss.ports.size(); j++) {
          port(ss.ports.get(j), ss.ports.size() > 1, p.child("ports").index(j), errs);
        }
      }
    }
  }

  private static void addresses(List<EndpointAddress> addrs, FieldPath path, ErrorList errs) {
    if (addrs == null) {
      return;
    }
    for (int i = 0; i < addrs.size(); i++) {
      EndpointAddress a = addrs.get(i);
      FieldPath p = path.index(i);
      String ip = a.ip == null ? "" : a.ip;
      errs.invalidEach(p.child("ip"), ip, Names.isValidIp(ip));
      if (a.hostname != null && !a.hostname.isEmpty()) {
        PortRules.dns1123Label(a.hostname, p.child("hostname"), errs);
      }
      if (a.nodeName != null) {
        errs.invalidEach(p.child("nodeName"), a.nodeName, Names.isDns1123Subdomain(a.nodeName));
      }
    }
  }

  private static void port(EndpointPort port, boolean requireName, FieldPath p, ErrorList errs) {
    if (port.name == null || port.name.isEmpty()) {
      if (requireName) {
        errs.required(p.child("name"), "");
      }
    } else {
      PortRules.dns1123Label(port.name, p.child("name"), errs);
    }
    PortRules.portNumber(port.port, p.child("port"), errs);
    PortRules.protocol(port.protocol, p.child("protocol"), errs);
    if (port.appProtocol != null) {
      PortRules.qualifiedName(port.appProtocol, p.child("appProtocol"), errs);
    }
  }
}

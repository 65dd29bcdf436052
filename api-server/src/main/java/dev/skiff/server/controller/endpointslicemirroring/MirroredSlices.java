package dev.skiff.server.controller.endpointslicemirroring;

import dev.skiff.api.model.core.EndpointAddress;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointConditions;
import dev.skiff.api.model.discovery.EndpointPort;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.names.IpLiterals;
import dev.skiff.server.controller.support.Owners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EndpointSlices that mirror one user-managed Endpoints object (after Kubernetes'
 * endpointslicemirroring utils): one group per (address type, port set) with the subsets' addresses
 * merged, ready ones from {@code addresses} and not-ready ones from {@code notReadyAddresses}, at
 * most {@link #MAX_ENDPOINTS} per slice. Addresses that are not IPs are skipped.
 */
final class MirroredSlices {
  static final int MAX_ENDPOINTS = 100;
  static final String MANAGED_BY = "endpointslicemirroring-controller.k8s.io";

  /** Annotations of the Endpoints that are not copied to its slices. */
  private static final Set<String> NOT_COPIED =
      Set.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          "endpoints.kubernetes.io/last-change-trigger-time");

  private MirroredSlices() {}

  /** A group of slices: the address type and the port set, as one comparable key. */
  record Group(String addressType, List<EndpointPort> ports, String key) {}

  /** The desired slices by group key, each with its endpoints sorted by address, unnamed. */
  static Map<String, List<EndpointSlice>> of(Endpoints endpoints) {
    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, Map<String, Endpoint>> members = new LinkedHashMap<>();
    if (endpoints.subsets != null) {
      for (EndpointSubset subset : endpoints.subsets) {
        List<EndpointPort> ports = ports(subset);
        add(groups, members, ports, subset.addresses, true);
        add(groups, members, ports, subset.notReadyAddresses, false);
      }
    }
    Map<String, List<EndpointSlice>> out = new LinkedHashMap<>();
    members.forEach(
        (key, byAddress) -> {
          Group g = groups.get(key);
          List<Endpoint> sorted = new ArrayList<>(byAddress.values());
          sorted.sort(Comparator.comparing(e -> e.addresses.get(0)));
          List<EndpointSlice> slices = new ArrayList<>();
          for (int i = 0; i < sorted.size(); i += MAX_ENDPOINTS) {
            EndpointSlice s = newSlice(endpoints, g);
            s.endpoints =
                new ArrayList<>(sorted.subList(i, Math.min(sorted.size(), i + MAX_ENDPOINTS)));
            slices.add(s);
          }
          out.put(key, slices);
        });
    return out;
  }

  /** The group key of a stored slice, comparable with those of {@link #of}. */
  static String keyOf(EndpointSlice slice) {
    return key(slice.addressType, slice.ports == null ? List.of() : slice.ports);
  }

  private static void add(
      Map<String, Group> groups,
      Map<String, Map<String, Endpoint>> members,
      List<EndpointPort> ports,
      List<EndpointAddress> addresses,
      boolean ready) {
    if (addresses == null) {
      return;
    }
    for (EndpointAddress a : addresses) {
      if (a.ip == null || !IpLiterals.isIp(a.ip)) {
        continue;
      }
      String type = a.ip.indexOf(':') >= 0 ? "IPv6" : "IPv4";
      String key = key(type, ports);
      groups.computeIfAbsent(key, k -> new Group(type, ports, k));
      // an address listed twice stays once; ready wins over not ready
      Map<String, Endpoint> byAddress = members.computeIfAbsent(key, k -> new LinkedHashMap<>());
      Endpoint existing = byAddress.get(a.ip);
      if (existing == null || (ready && !existing.conditions.ready)) {
        byAddress.put(a.ip, endpoint(a, ready));
      }
    }
  }

  private static Endpoint endpoint(EndpointAddress a, boolean ready) {
    Endpoint e = new Endpoint();
    e.addresses = new ArrayList<>(List.of(a.ip));
    e.conditions = new EndpointConditions();
    e.conditions.ready = ready;
    e.targetRef = a.targetRef;
    e.nodeName = a.nodeName;
    e.hostname = a.hostname == null || a.hostname.isEmpty() ? null : a.hostname;
    return e;
  }

  private static List<EndpointPort> ports(EndpointSubset subset) {
    List<EndpointPort> out = new ArrayList<>();
    if (subset.ports != null) {
      for (dev.skiff.api.model.core.EndpointPort p : subset.ports) {
        EndpointPort ep = new EndpointPort();
        ep.name = p.name == null || p.name.isEmpty() ? null : p.name;
        ep.port = p.port;
        ep.protocol = p.protocol == null ? "TCP" : p.protocol;
        ep.appProtocol = p.appProtocol;
        out.add(ep);
      }
    }
    return out;
  }

  private static String key(String addressType, List<EndpointPort> ports) {
    List<String> parts = new ArrayList<>();
    for (EndpointPort p : ports) {
      parts.add(
          (p.name == null ? "" : p.name)
              + "/"
              + p.port
              + "/"
              + (p.protocol == null ? "TCP" : p.protocol)
              + "/"
              + (p.appProtocol == null ? "" : p.appProtocol));
    }
    parts.sort(null);
    return addressType + " " + String.join(",", parts);
  }

  /** A slice for {@code endpoints}: its labels and annotations, service-name and managed-by. */
  private static EndpointSlice newSlice(Endpoints endpoints, Group group) {
    EndpointSlice s = new EndpointSlice();
    s.meta().generateName = endpoints.meta().name + "-";
    s.meta().namespace = endpoints.meta().namespace;
    Map<String, String> labels = new LinkedHashMap<>();
    if (endpoints.meta().labels != null) {
      labels.putAll(endpoints.meta().labels);
    }
    labels.put(EndpointSlice.SERVICE_NAME_LABEL, endpoints.meta().name);
    labels.put(EndpointSlice.MANAGED_BY_LABEL, MANAGED_BY);
    s.meta().labels = labels;
    if (endpoints.meta().annotations != null) {
      Map<String, String> annotations = new LinkedHashMap<>(endpoints.meta().annotations);
      annotations.keySet().removeAll(NOT_COPIED);
      s.meta().annotations = annotations.isEmpty() ? null : annotations;
    }
    s.meta().ownerReferences = Owners.listOf(Owners.controllerRef(endpoints));
    s.addressType = group.addressType();
    s.ports = group.ports();
    return s;
  }
}

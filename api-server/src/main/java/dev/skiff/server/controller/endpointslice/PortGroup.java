package dev.skiff.server.controller.endpointslice;

import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.Endpoint;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.controller.endpoints.PodPorts.ResolvedPort;
import dev.skiff.server.controller.support.Owners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The slices of one port set: keep endpoints in place, fill, then add slices. */
final class PortGroup {
  private final Service svc;
  private final List<ResolvedPort> ports;
  private final List<EndpointSlice> slices;
  private final Map<String, Endpoint> remaining;

  PortGroup(
      Service svc,
      List<ResolvedPort> ports,
      List<EndpointSlice> slices,
      Map<String, Endpoint> want) {
    this.svc = svc;
    this.ports = ports;
    this.slices = slices;
    this.remaining = new LinkedHashMap<>(want);
  }

  void plan(
      List<EndpointSlice> create,
      List<EndpointSlice> update,
      List<EndpointSlice> delete,
      List<EndpointSlice> kept) {
    List<EndpointSlice> next = new ArrayList<>();
    for (EndpointSlice slice : slices) {
      EndpointSlice rewritten = rewrite(slice);
      if (slice.endpoints != null) {
        for (Endpoint e : slice.endpoints) {
          Endpoint now = remaining.remove(SliceEndpoints.key(e));
          if (now != null) {
            rewritten.endpoints.add(now);
          }
        }
      }
      next.add(rewritten);
    }
    // fill slices with room, fullest-changed first is not needed: any order is deterministic
    for (EndpointSlice slice : next) {
      while (!remaining.isEmpty()
          && slice.endpoints.size() < EndpointSliceReconciler.MAX_ENDPOINTS) {
        String first = remaining.keySet().iterator().next();
        slice.endpoints.add(remaining.remove(first));
      }
    }
    for (int i = 0; i < next.size(); i++) {
      EndpointSlice original = slices.get(i);
      EndpointSlice slice = next.get(i);
      if (slice.endpoints.isEmpty()) {
        delete.add(original);
        continue;
      }
      sort(slice);
      kept.add(slice);
      if (!EndpointSliceReconciler.sameContent(original, slice)) {
        update.add(slice);
      }
    }
    while (!remaining.isEmpty()) {
      EndpointSlice slice = EndpointSliceReconciler.newSlice(svc, ports);
      while (!remaining.isEmpty()
          && slice.endpoints.size() < EndpointSliceReconciler.MAX_ENDPOINTS) {
        String first = remaining.keySet().iterator().next();
        slice.endpoints.add(remaining.remove(first));
      }
      sort(slice);
      create.add(slice);
    }
  }

  /** A copy of {@code slice} with the desired metadata and ports and no endpoints yet. */
  private EndpointSlice rewrite(EndpointSlice slice) {
    EndpointSlice s = EndpointSliceReconciler.newSlice(svc, ports);
    s.meta().generateName = slice.meta().generateName;
    s.meta().name = slice.meta().name;
    s.meta().uid = slice.meta().uid;
    s.meta().resourceVersion = slice.meta().resourceVersion;
    s.meta().annotations = slice.meta().annotations;
    s.meta().creationTimestamp = slice.meta().creationTimestamp;
    s.meta().ownerReferences = Owners.listOf(Owners.controllerRef(svc));
    return s;
  }

  private static void sort(EndpointSlice slice) {
    slice.endpoints.sort(Comparator.comparing(SliceEndpoints::address));
  }
}

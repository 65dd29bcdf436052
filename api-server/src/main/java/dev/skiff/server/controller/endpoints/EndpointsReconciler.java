package dev.skiff.server.controller.endpoints;

import dev.skiff.api.model.core.EndpointAddress;
import dev.skiff.api.model.core.EndpointPort;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.ObjectReference;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Endpoints a Service with a selector should have (Kubernetes' endpoints controller): ready
 * members in addresses, not-ready ones in notReadyAddresses, terminating ones left out (unless
 * publishNotReadyAddresses), one subset per distinct port set, addresses sorted by IP. Pure.
 */
public final class EndpointsReconciler {
  private EndpointsReconciler() {}

  /** What to write: nothing, or the object to create or to update (carrying the current RV). */
  public record Result(Endpoints write, boolean create) {
    public static final Result NONE = new Result(null, false);
  }

  public static Endpoints desired(Service svc, List<Pod> namespacePods) {
    boolean publishNotReady = Boolean.TRUE.equals(svc.spec().publishNotReadyAddresses);
    Map<List<PodPorts.ResolvedPort>, EndpointSubset> subsets = new LinkedHashMap<>();
    for (PodPorts member : PodPorts.members(svc, ServiceMembers.of(svc, namespacePods))) {
      Pod pod = member.pod();
      if (ServiceMembers.isTerminating(pod) && !publishNotReady) {
        continue;
      }
      EndpointSubset subset =
          subsets.computeIfAbsent(member.ports(), EndpointsReconciler::emptySubset);
      if (publishNotReady || ServiceMembers.isPodReady(pod)) {
        subset.addresses.add(address(svc, pod));
      } else {
        subset.notReadyAddresses.add(address(svc, pod));
      }
    }
    Endpoints ep = new Endpoints();
    ep.meta().name = svc.meta().name;
    ep.meta().namespace = svc.meta().namespace;
    ep.meta().labels = svc.meta().labels == null ? null : new LinkedHashMap<>(svc.meta().labels);
    ep.subsets = new ArrayList<>();
    for (EndpointSubset s : subsets.values()) {
      s.addresses.sort(Comparator.comparing(a -> a.ip));
      s.notReadyAddresses.sort(Comparator.comparing(a -> a.ip));
      s.addresses = s.addresses.isEmpty() ? null : s.addresses;
      s.notReadyAddresses = s.notReadyAddresses.isEmpty() ? null : s.notReadyAddresses;
      s.ports = s.ports.isEmpty() ? null : s.ports;
      ep.subsets.add(s);
    }
    return ep;
  }

  /** Compares the desired with the current Endpoints (null = absent). */
  public static Result reconcile(Service svc, List<Pod> namespacePods, Endpoints current) {
    Endpoints want = desired(svc, namespacePods);
    if (current == null) {
      return new Result(want, true);
    }
    if (EndpointsComparison.sameSubsets(current.subsets, want.subsets)
        && Objects.equals(current.meta().labels, want.meta().labels)) {
      return Result.NONE;
    }
    want.meta().resourceVersion = current.meta().resourceVersion;
    want.meta().annotations = current.meta().annotations;
    return new Result(want, false);
  }

  private static EndpointSubset emptySubset(List<PodPorts.ResolvedPort> ports) {
    EndpointSubset s = new EndpointSubset();
    s.addresses = new ArrayList<>();
    s.notReadyAddresses = new ArrayList<>();
    s.ports = new ArrayList<>();
    for (PodPorts.ResolvedPort p : ports) {
      EndpointPort ep = new EndpointPort();
      ep.name = p.name().isEmpty() ? null : p.name();
      ep.port = p.port();
      ep.protocol = p.protocol();
      ep.appProtocol = p.appProtocol();
      s.ports.add(ep);
    }
    return s;
  }

  private static EndpointAddress address(Service svc, Pod pod) {
    EndpointAddress a = new EndpointAddress();
    a.ip = pod.status.podIP;
    a.nodeName = pod.spec == null ? null : pod.spec.nodeName;
    if (pod.spec != null
        && pod.spec.hostname != null
        && svc.meta().name.equals(pod.spec.subdomain)) {
      a.hostname = pod.spec.hostname;
    }
    a.targetRef = podRef(pod);
    return a;
  }

  /** The targetRef of an endpoint for {@code pod}. */
  public static ObjectReference podRef(Pod pod) {
    ObjectReference ref = new ObjectReference();
    ref.kind = "Pod";
    ref.namespace = pod.meta().namespace;
    ref.name = pod.meta().name;
    ref.uid = pod.meta().uid;
    return ref;
  }
}

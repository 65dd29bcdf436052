package dev.skiff.server.alloc;

import dev.skiff.api.defaults.ServiceDefaults;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.core.ServiceSpec;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusCause;
import dev.skiff.api.status.StatusException;
import dev.skiff.api.validation.ErrorList;
import dev.skiff.server.alloc.HzAllocator.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One Service write's allocations (Kubernetes' storage/alloc.go): ClusterIP, NodePorts,
 * healthCheckNodePort and a requested loadBalancerIP. Values the Service already held (on update)
 * are re-claimed idempotently; values this run newly claimed are released if it fails.
 */
final class AllocationRun {
  private final ServiceAllocators allocators;
  private final Service svc;
  private final Service previous;
  private final Claim owner;
  private final List<Runnable> undo = new ArrayList<>();

  AllocationRun(ServiceAllocators allocators, Service svc, Service previous) {
    this.allocators = allocators;
    this.svc = svc;
    this.previous = previous;
    this.owner = allocators.claimFor(svc.meta().uid, svc.meta().namespace, svc.meta().name);
  }

  void apply() {
    ServiceSpec s = svc.spec();
    if (previous != null) {
      ServiceDefaults.patchAllocatedValues(svc, previous);
    }
    if (blank(s.type)) {
      s.type = "ClusterIP";
    }
    try {
      clusterIp(s);
      nodePorts(s);
      healthCheckNodePort(s);
      loadBalancerIp(s);
    } catch (RuntimeException e) {
      undo.forEach(Runnable::run);
      throw e;
    }
  }

  private void clusterIp(ServiceSpec s) {
    if ("ExternalName".equals(s.type)) {
      return;
    }
    String requested =
        !blank(s.clusterIP) ? s.clusterIP : isEmpty(s.clusterIPs) ? null : s.clusterIPs.get(0);
    String ip;
    if ("None".equals(requested)) {
      ip = "None";
    } else {
      HzAllocator ips = allocators.clusterIps();
      String held = previous == null ? null : previous.spec().clusterIP;
      if (requested != null && requested.equals(held)) {
        reclaim(ips, requested);
        ip = requested;
      } else if (requested != null) {
        try {
          track(ips, requested, ips.allocate(requested, owner));
        } catch (AllocationException e) {
          List<String> shown = isEmpty(s.clusterIPs) ? List.of(requested) : s.clusterIPs;
          throw invalid(
              "spec.clusterIPs",
              goSlice(shown),
              "failed to allocate IP " + requested + ": " + e.getMessage());
        }
        ip = ips.canonical(requested);
      } else {
        ip = allocateNext(ips, "serviceIP");
      }
    }
    s.clusterIP = ip;
    s.clusterIPs = new ArrayList<>(List.of(ip));
    if (isEmpty(s.ipFamilies)) {
      s.ipFamilies = new ArrayList<>(List.of("IPv4"));
    }
    if (blank(s.ipFamilyPolicy)) {
      s.ipFamilyPolicy = "SingleStack";
    }
  }

  private void nodePorts(ServiceSpec s) {
    boolean loadBalancer = "LoadBalancer".equals(s.type);
    if (s.ports == null || !(loadBalancer || "NodePort".equals(s.type))) {
      return;
    }
    boolean dynamic = !loadBalancer || !Boolean.FALSE.equals(s.allocateLoadBalancerNodePorts);
    HzAllocator ports = allocators.nodePorts();
    List<Integer> held = heldNodePorts();
    Map<Integer, Integer> byServicePort = new HashMap<>();
    for (int i = 0; i < s.ports.size(); i++) {
      ServicePort p = s.ports.get(i);
      if (p.nodePort != null && p.nodePort != 0) {
        String value = p.nodePort.toString();
        if (held.contains(p.nodePort)) {
          reclaim(ports, value);
        } else {
          try {
            track(ports, value, ports.allocate(value, owner));
          } catch (AllocationException e) {
            throw invalid("spec.ports[" + i + "].nodePort", p.nodePort.toString(), e.getMessage());
          }
        }
        byServicePort.putIfAbsent(p.port, p.nodePort);
      } else if (dynamic) {
        Integer same = byServicePort.get(p.port);
        p.nodePort = same != null ? same : Integer.valueOf(allocateNext(ports, "nodePort"));
        byServicePort.putIfAbsent(p.port, p.nodePort);
      }
    }
  }

  private void healthCheckNodePort(ServiceSpec s) {
    if (!needsHealthCheck(s)) {
      return;
    }
    HzAllocator ports = allocators.nodePorts();
    Integer hc = s.healthCheckNodePort;
    if (hc == null || hc == 0) {
      s.healthCheckNodePort = Integer.valueOf(allocateNext(ports, "nodePort"));
    } else if (previous != null && hc.equals(previous.spec().healthCheckNodePort)) {
      reclaim(ports, hc.toString());
    } else {
      try {
        track(ports, hc.toString(), ports.allocate(hc.toString(), owner));
      } catch (AllocationException e) {
        throw invalid("spec.healthCheckNodePort", hc.toString(), e.getMessage());
      }
    }
  }

  private void loadBalancerIp(ServiceSpec s) {
    if (!"LoadBalancer".equals(s.type) || blank(s.loadBalancerIP) || !ours(s.loadBalancerClass)) {
      return;
    }
    HzAllocator ips = allocators.loadBalancerIps();
    if (previous != null && s.loadBalancerIP.equals(previous.spec().loadBalancerIP)) {
      reclaim(ips, s.loadBalancerIP);
      return;
    }
    try {
      track(ips, s.loadBalancerIP, ips.allocate(s.loadBalancerIP, owner));
    } catch (AllocationException e) {
      throw invalid("spec.loadBalancerIP", ErrorList.quote(s.loadBalancerIP), e.getMessage());
    }
  }

  private String allocateNext(HzAllocator allocator, String what) {
    String value;
    try {
      value = allocator.allocateNext(owner);
    } catch (AllocationException e) {
      throw StatusException.internal(
          "Internal error occurred: failed to allocate a " + what + ": " + e.getMessage());
    }
    undo.add(() -> allocator.release(value, owner));
    return value;
  }

  private void track(HzAllocator allocator, String value, Outcome outcome) {
    if (outcome == Outcome.NEW) {
      String key = allocator.canonical(value);
      undo.add(() -> allocator.release(key, owner));
    }
  }

  /** Re-claims a value the stored Service already holds; never fails the write. */
  private void reclaim(HzAllocator allocator, String value) {
    String key = allocator.canonical(value);
    if (key != null) {
      allocator.claim(key, owner);
    }
  }

  private List<Integer> heldNodePorts() {
    if (previous == null || previous.spec().ports == null) {
      return List.of();
    }
    return previous.spec().ports.stream()
        .map(p -> p.nodePort)
        .filter(Objects::nonNull)
        .collect(Collectors.toList());
  }

  private boolean ours(String loadBalancerClass) {
    return loadBalancerClass == null
        || loadBalancerClass.equals(allocators.options().loadBalancerClass());
  }

  private static boolean needsHealthCheck(ServiceSpec s) {
    return "LoadBalancer".equals(s.type) && "Local".equals(s.externalTrafficPolicy);
  }

  /**
   * 422 Invalid as Kubernetes' allocator returns it: details.kind is the kind ("Service"), so
   * kubectl prints {@code The Service "x" is invalid: ...}.
   */
  private StatusException invalid(String field, String renderedValue, String detail) {
    StatusCause cause =
        new StatusCause(
            Reason.FIELD_VALUE_INVALID, "Invalid value: " + renderedValue + ": " + detail, field);
    return StatusException.invalid("", "Service", "Service", svc.meta().name, List.of(cause));
  }

  /** Go's %#v of a []string: {@code []string{"a", "b"}}. */
  private static String goSlice(List<String> values) {
    return values.stream()
        .map(ErrorList::quote)
        .collect(Collectors.joining(", ", "[]string{", "}"));
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}

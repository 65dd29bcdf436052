package dev.skiff.server.controller.endpoints;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Readiness;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.core.ServicePort;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.selector.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which pods back a Service, and how: the rules the Endpoints and EndpointSlice controllers share,
 * so that the two always agree.
 *
 * <ul>
 *   <li>a member is a pod in the Service's namespace whose labels contain ALL of the selector's
 *       labels (extra pod labels do not matter), with a pod IP, not in a terminal phase;
 *   <li>it is ready when its Ready condition is True and it is not being deleted (or always, with
 *       publishNotReadyAddresses); a pod being deleted is terminating;
 *   <li>a named targetPort resolves per pod from its containers' ports (name and protocol); a pod
 *       without that port has no endpoint for that service port.
 * </ul>
 */
public final class ServiceMembers {
  private ServiceMembers() {}

  /** The member pods of {@code svc} among {@code pods} (its namespace's pods). */
  public static List<Pod> of(Service svc, Collection<Pod> pods) {
    Selector selector = Selector.fromServiceSelector(svc.spec().selector);
    List<Pod> members = new ArrayList<>();
    if (selector.matchesNothing()) {
      return members;
    }
    for (Pod pod : pods) {
      if (svc.meta().namespace.equals(pod.meta().namespace)
          && selector.matches(pod.meta().labels)
          && hasIp(pod)
          && !isTerminal(pod)) {
        members.add(pod);
      }
    }
    members.sort(java.util.Comparator.comparing((Pod p) -> p.status.podIP));
    return members;
  }

  /** True when the Service's selector matches the pod (same namespace, all labels). */
  public static boolean selects(Service svc, Pod pod) {
    return svc.meta().namespace.equals(pod.meta().namespace)
        && Selector.fromServiceSelector(svc.spec().selector).matches(pod.meta().labels);
  }

  public static boolean hasIp(Pod pod) {
    return pod.status != null && pod.status.podIP != null && !pod.status.podIP.isEmpty();
  }

  public static boolean isTerminal(Pod pod) {
    String phase = pod.status == null ? null : pod.status.phase;
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  public static boolean isTerminating(Pod pod) {
    return pod.meta().deletionTimestamp != null;
  }

  /** The pod's Ready condition is True (podutil.IsPodReady). */
  public static boolean isPodReady(Pod pod) {
    return Readiness.isReady(pod);
  }

  /** EndpointSlice "ready": serving and not terminating, or publishNotReadyAddresses. */
  public static boolean isReady(Service svc, Pod pod) {
    return Boolean.TRUE.equals(svc.spec().publishNotReadyAddresses)
        || (isPodReady(pod) && !isTerminating(pod));
  }

  /**
   * podutil.FindPort: the container port the service port targets on this pod, or -1 when a named
   * port is absent.
   */
  public static int targetPort(ServicePort port, Pod pod) {
    IntOrString target = port.targetPort;
    if (target == null) {
      return port.port == null ? -1 : port.port;
    }
    if (target.isInt()) {
      return target.intValue();
    }
    String protocol = port.protocol == null ? "TCP" : port.protocol;
    List<Container> containers = pod.spec == null ? null : pod.spec.containers;
    if (containers != null) {
      for (Container c : containers) {
        if (c.ports == null) {
          continue;
        }
        for (ContainerPort cp : c.ports) {
          String cpProtocol = cp.protocol == null ? "TCP" : cp.protocol;
          if (target.strValue().equals(cp.name)
              && protocol.equals(cpProtocol)
              && cp.containerPort != null) {
            return cp.containerPort;
          }
        }
      }
    }
    return -1;
  }
}

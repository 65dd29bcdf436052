package dev.skiff.server.controller.support;

import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.server.controller.endpoints.ServiceMembers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indexed answers to "which pods may a Service select" and "which Services may select a pod", so a
 * sync does not scan a whole namespace: candidates come from one label index entry, then the full
 * selector decides.
 */
public final class Selections {
  private Selections() {}

  /** Pods of the Service's namespace carrying its first selector pair (a superset of members). */
  public static List<Pod> candidatePods(Informer<Pod> pods, Service svc) {
    Map<String, String> selector = svc.spec().selector;
    if (selector == null || selector.isEmpty()) {
      return List.of();
    }
    Map.Entry<String, String> first = selector.entrySet().iterator().next();
    return pods.byIndex(
        SharedInformers.LABEL_INDEX,
        SharedInformers.pair(svc.meta().namespace, first.getKey(), first.getValue()));
  }

  /** Keys of the Services whose selector matches the pod. */
  public static List<String> servicesSelecting(Informer<Service> services, Pod pod) {
    Set<String> keys = new LinkedHashSet<>();
    for (String pair : SharedInformers.pairs(pod.meta().namespace, pod.meta().labels)) {
      for (Service svc : services.byIndex(SharedInformers.SELECTOR_INDEX, pair)) {
        if (ServiceMembers.selects(svc, pod)) {
          keys.add(Keys.of(svc));
        }
      }
    }
    return new ArrayList<>(keys);
  }
}

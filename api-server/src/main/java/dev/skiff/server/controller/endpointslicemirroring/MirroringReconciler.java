package dev.skiff.server.controller.endpointslicemirroring;

import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.server.controller.endpointslice.EndpointSliceReconciler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The writes that make the mirrored slices of one Service match its Endpoints, pure. Mirroring
 * applies to a Service without a selector whose Endpoints are not labelled {@link #SKIP_MIRROR};
 * otherwise every mirrored slice goes. Stored slices are reused group by group in name order, so an
 * unchanged Endpoints costs no write.
 */
public final class MirroringReconciler {
  public static final String MANAGED_BY = MirroredSlices.MANAGED_BY;
  public static final String SKIP_MIRROR = "endpointslice.kubernetes.io/skip-mirror";

  private MirroringReconciler() {}

  /** What to create, update and delete. */
  public record Changes(
      List<EndpointSlice> create, List<EndpointSlice> update, List<EndpointSlice> delete) {}

  /** True when the Endpoints of {@code svc} are the user's and are to be mirrored. */
  public static boolean mirrors(Service svc, Endpoints endpoints) {
    if (svc == null || endpoints == null) {
      return false;
    }
    boolean selectorless =
        svc.spec == null || svc.spec.selector == null || svc.spec.selector.isEmpty();
    Map<String, String> labels = endpoints.meta().labels;
    return selectorless && (labels == null || !"true".equals(labels.get(SKIP_MIRROR)));
  }

  /**
   * @param endpoints the Endpoints to mirror, or null when nothing should be mirrored
   * @param existing the slices this controller manages for the Service
   */
  public static Changes reconcile(Endpoints endpoints, List<EndpointSlice> existing) {
    Map<String, List<EndpointSlice>> desired =
        endpoints == null ? Map.of() : MirroredSlices.of(endpoints);
    Map<String, List<EndpointSlice>> stored = new LinkedHashMap<>();
    existing.stream()
        .sorted(Comparator.comparing(s -> s.meta().name))
        .forEach(
            s -> stored.computeIfAbsent(MirroredSlices.keyOf(s), k -> new ArrayList<>()).add(s));
    List<EndpointSlice> create = new ArrayList<>();
    List<EndpointSlice> update = new ArrayList<>();
    List<EndpointSlice> delete = new ArrayList<>();
    desired.forEach(
        (key, want) -> {
          List<EndpointSlice> have = stored.getOrDefault(key, List.of());
          for (int i = 0; i < want.size(); i++) {
            EndpointSlice next = want.get(i);
            if (i >= have.size()) {
              create.add(next);
              continue;
            }
            EndpointSlice old = have.get(i);
            next.meta().generateName = old.meta().generateName;
            next.meta().name = old.meta().name;
            next.meta().uid = old.meta().uid;
            next.meta().resourceVersion = old.meta().resourceVersion;
            next.meta().creationTimestamp = old.meta().creationTimestamp;
            if (!sameContent(old, next)) {
              update.add(next);
            }
          }
          if (have.size() > want.size()) {
            delete.addAll(have.subList(want.size(), have.size()));
          }
        });
    stored.forEach(
        (key, have) -> {
          if (!desired.containsKey(key)) {
            delete.addAll(have);
          }
        });
    return new Changes(create, update, delete);
  }

  /** The slice controller's comparison, plus the annotations mirrored from the Endpoints. */
  static boolean sameContent(EndpointSlice a, EndpointSlice b) {
    return EndpointSliceReconciler.sameContent(a, b)
        && Objects.equals(emptyToNull(a.meta().annotations), emptyToNull(b.meta().annotations));
  }

  private static Map<String, String> emptyToNull(Map<String, String> m) {
    return m == null || m.isEmpty() ? null : m;
  }
}

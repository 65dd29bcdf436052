package dev.skiff.server.controller.support;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.OwnerReference;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One informer per kind (all namespaces), shared by every controller of a leadership term, like
 * client-go's SharedInformerFactory (and, given a shared {@link InformerFactory}, a view of the one
 * watch and cache of that kind in the JVM). Each informer has an {@link #OWNER_INDEX} (the uids in
 * ownerReferences); pods also have a {@link #NODE_INDEX} (spec.nodeName).
 */
public final class SharedInformers {
  public static final String OWNER_INDEX = "owner";
  public static final String NODE_INDEX = "node";

  /** Pods by each of their labels: {@code namespace/key=value}. */
  public static final String LABEL_INDEX = "label";

  /** Services by each pair of their selector: {@code namespace/key=value}. */
  public static final String SELECTOR_INDEX = "selector";

  /** EndpointSlices by their Service: namespace/service-name label. */
  public static final String SERVICE_INDEX = "service";

  private final KubeClient client;
  private final InformerFactory factory;
  private final InformerOptions options;
  private final Map<Class<?>, Informer<?>> informers = new LinkedHashMap<>();

  public SharedInformers(Vertx vertx, KubeClient client, Duration resync) {
    this(client, InformerFactory.perInformer(vertx, client), resync);
  }

  /**
   * @param factory where the informers come from: shared with the other components of the JVM (an
   *     embedded cluster), or one watch each
   */
  public SharedInformers(KubeClient client, InformerFactory factory, Duration resync) {
    this.client = client;
    this.factory = factory;
    this.options =
        InformerOptions.defaults()
            .withResyncPeriod(resync)
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  @SuppressWarnings("unchecked")
  public synchronized <T extends KubeObject> Informer<T> of(Class<T> type) {
    return (Informer<T>) informers.computeIfAbsent(type, t -> create(type));
  }

  public KubeClient client() {
    return client;
  }

  /** Stops every informer created so far. */
  public synchronized Future<Void> stop() {
    List<Future<Void>> stops = new ArrayList<>();
    informers.values().forEach(i -> stops.add(i.stop()));
    return Future.join(stops).mapEmpty();
  }

  private <T extends KubeObject> Informer<T> create(Class<T> type) {
    Informer<T> informer = factory.informer(type, options);
    informer.addIndex(OWNER_INDEX, SharedInformers::ownerUids);
    if (type == Pod.class) {
      informer.addIndex(
          NODE_INDEX,
          o -> {
            Pod pod = (Pod) o;
            String node = pod.spec == null ? null : pod.spec.nodeName;
            return node == null || node.isEmpty() ? List.of() : List.of(node);
          });
    }
    if (type == Pod.class) {
      informer.addIndex(LABEL_INDEX, o -> pairs(o.meta().namespace, o.meta().labels));
    }
    if (type == Service.class) {
      informer.addIndex(
          SELECTOR_INDEX,
          o -> {
            Service svc = (Service) o;
            return pairs(o.meta().namespace, svc.spec == null ? null : svc.spec.selector);
          });
    }
    if (type == EndpointSlice.class) {
      informer.addIndex(
          SERVICE_INDEX,
          o -> {
            Map<String, String> labels = o.meta().labels;
            String svc = labels == null ? null : labels.get(EndpointSlice.SERVICE_NAME_LABEL);
            return svc == null ? List.of() : List.of(o.meta().namespace + "/" + svc);
          });
    }
    return informer;
  }

  /** The index values {@code namespace/key=value} of a label map. */
  public static List<String> pairs(String namespace, Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(labels.size());
    labels.forEach((k, v) -> out.add(pair(namespace, k, v)));
    return out;
  }

  public static String pair(String namespace, String key, String value) {
    return namespace + "/" + key + "=" + value;
  }

  private static List<String> ownerUids(KubeObject o) {
    List<OwnerReference> refs = o.meta().ownerReferences;
    if (refs == null || refs.isEmpty()) {
      return List.of();
    }
    List<String> uids = new ArrayList<>(refs.size());
    for (OwnerReference ref : refs) {
      if (ref.uid != null) {
        uids.add(ref.uid);
      }
    }
    return uids;
  }
}

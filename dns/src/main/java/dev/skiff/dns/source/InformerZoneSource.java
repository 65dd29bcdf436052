package dev.skiff.dns.source;

import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.InformerFactory;
import dev.skiff.api.client.informer.InformerOptions;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.dns.zone.ClusterRecords;
import dev.skiff.dns.zone.EndpointSliceEntry;
import dev.skiff.dns.zone.ZoneKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the cluster zone from Service and EndpointSlice informers (and Pod informers when pod
 * records are verified). Event handlers only hand objects to the zone, which folds changes into its
 * next index. The zone is marked synced once every informer has synced, not before, so until then
 * cluster names get SERVFAIL.
 */
public final class InformerZoneSource implements ZoneSource {
  private static final Logger LOG = LoggerFactory.getLogger(InformerZoneSource.class);

  private final KubeClient client;
  private final InformerFactory factory;
  private final InformerOptions options;
  private final boolean pods;
  private final List<Informer<?>> informers = new ArrayList<>();

  /**
   * @param pods whether to watch Pods too (only {@link dev.skiff.dns.zone.PodMode#VERIFIED} needs
   *     them)
   */
  public InformerZoneSource(KubeClient client, InformerOptions options, boolean pods) {
    this(client, null, options, pods);
  }

  /**
   * @param factory where the informers come from (e.g. shared with the other components of the
   *     JVM), or null for informers of its own through {@code client}
   */
  public InformerZoneSource(
      KubeClient client, InformerFactory factory, InformerOptions options, boolean pods) {
    this.client = client;
    this.factory = factory;
    this.options = options;
    this.pods = pods;
  }

  private <T extends KubeObject> Informer<T> informer(Vertx vertx, Class<T> type) {
    return factory == null
        ? new Informer<>(vertx, client, type, options)
        : factory.informer(type, options);
  }

  @Override
  public Future<Void> start(Vertx vertx, ClusterRecords records) {
    Informer<Service> services = informer(vertx, Service.class);
    watch(services, s -> records.upsertService(KubeObjects.service(s)), records::deleteService);
    Informer<EndpointSlice> slices = informer(vertx, EndpointSlice.class);
    watch(slices, s -> upsertSlice(records, s), records::deleteEndpointSlice);
    List<Future<Void>> synced = new ArrayList<>();
    synced.add(services.start());
    synced.add(slices.start());
    informers.add(services);
    informers.add(slices);
    if (pods) {
      Informer<Pod> podInformer = informer(vertx, Pod.class);
      watch(podInformer, p -> records.upsertPod(KubeObjects.pod(p)), records::deletePod);
      synced.add(podInformer.start());
      informers.add(podInformer);
    }
    Future.all(synced)
        .onSuccess(all -> records.markSynced())
        .onFailure(e -> LOG.warn("cluster DNS informers stopped before syncing", e));
    return Future.succeededFuture();
  }

  private static void upsertSlice(ClusterRecords records, EndpointSlice slice) {
    EndpointSliceEntry entry = KubeObjects.slice(slice);
    if (entry == null) {
      records.deleteEndpointSlice(key(slice));
    } else {
      records.upsertEndpointSlice(entry);
    }
  }

  private static <T extends KubeObject> void watch(
      Informer<T> informer, Consumer<T> upsert, Consumer<ZoneKey> delete) {
    informer.onAdd(upsert);
    informer.onUpdate((old, now) -> upsert.accept(now));
    informer.onDelete(o -> delete.accept(key(o)));
  }

  private static ZoneKey key(KubeObject object) {
    return new ZoneKey(object.meta().namespace, object.meta().name);
  }

  @Override
  public Future<Void> stop() {
    List<Future<Void>> stopped = new ArrayList<>();
    informers.forEach(i -> stopped.add(i.stop()));
    return Future.join(stopped).mapEmpty();
  }
}

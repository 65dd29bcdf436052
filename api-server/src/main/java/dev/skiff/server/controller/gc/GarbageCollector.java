package dev.skiff.server.controller.gc;

import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.core.ConfigMap;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ReplicationController;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.meta.OwnerReference;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes dependents whose owners are all gone (Background propagation), and finishes Orphan and
 * Foreground deletions of owners (see {@link GcDeletionHook}); owners that are custom resources go
 * through {@link CustomOwners}. An owner missing from the cache is confirmed with a live GET before
 * anything is deleted. Keys are {@code kind/namespace/name}.
 */
public final class GarbageCollector extends QueueController {
  private final KubeClient client;
  private final Map<String, Informer<? extends KubeObject>> kinds = new LinkedHashMap<>();
  private final Map<String, Class<? extends KubeObject>> classes = new LinkedHashMap<>();
  private final GcActions actions;
  private final CustomOwners customOwners;

  public GarbageCollector(Vertx vertx, SharedInformers informers) {
    super(vertx, "garbagecollector", 2);
    this.client = informers.client();
    add(informers, Pod.class);
    add(informers, ReplicaSet.class);
    add(informers, EndpointSlice.class);
    add(informers, Deployment.class);
    add(informers, Service.class);
    add(informers, Job.class);
    add(informers, CronJob.class);
    add(informers, ConfigMap.class);
    add(informers, Secret.class);
    add(informers, StatefulSet.class);
    add(informers, DaemonSet.class);
    add(informers, ControllerRevision.class);
    add(informers, ReplicationController.class);
    this.actions = new GcActions(client, this::dependentsOf);
    this.customOwners =
        new CustomOwners(vertx, client.raw(), actions, this::dependentsOf, d -> enqueue(keyOf(d)));
  }

  private <T extends KubeObject> void add(SharedInformers informers, Class<T> type) {
    Informer<T> informer = informers.of(type);
    String kind = kindName(type);
    kinds.put(kind, informer);
    classes.put(kind, type);
    watch(informer, o -> keysFor(kind, o));
    informer.onDelete(
        o -> {
          dependentsOf(o.meta().uid).forEach(d -> enqueue(keyOf(d)));
          if (o.meta().ownerReferences != null) {
            String ns = o.meta().namespace;
            o.meta().ownerReferences.forEach(r -> enqueue(r.kind + "/" + Keys.of(ns, r.name)));
          }
        });
  }

  private List<String> keysFor(String kind, KubeObject o) {
    boolean owned = o.meta().ownerReferences != null && !o.meta().ownerReferences.isEmpty();
    boolean finalizing =
        o.meta().deletionTimestamp != null
            && o.meta().finalizers != null
            && (o.meta().finalizers.contains(GcDeletionHook.ORPHAN)
                || o.meta().finalizers.contains(GcDeletionHook.FOREGROUND));
    return owned || finalizing ? List.of(kind + "/" + Keys.of(o)) : List.of();
  }

  /** Every cached object with an ownerReference to {@code uid}. */
  List<KubeObject> dependentsOf(String uid) {
    List<KubeObject> out = new ArrayList<>();
    kinds.values().forEach(i -> out.addAll(i.byIndex(SharedInformers.OWNER_INDEX, uid)));
    return out;
  }

  @Override
  protected Future<Void> sync(String key) {
    int slash = key.indexOf('/');
    String kind = key.substring(0, slash);
    Informer<? extends KubeObject> informer = kinds.get(kind);
    KubeObject object = informer == null ? null : informer.get(key.substring(slash + 1));
    if (object == null) {
      return Future.succeededFuture();
    }
    if (object.meta().deletionTimestamp != null && object.meta().finalizers != null) {
      return actions.finishOwner(object, classes.get(kind));
    }
    return ownersGone(object)
        .compose(
            gone ->
                gone
                    ? client
                        .delete(
                            classes.get(kind),
                            object.meta().namespace,
                            object.meta().name,
                            DeleteOptions.propagation(DeleteOptions.Propagation.Background)
                                .withPreconditions(object.meta().uid, null))
                        .recover(
                            e ->
                                Errors.isNotFound(e) || Errors.isConflict(e)
                                    ? Future.succeededFuture()
                                    : Future.failedFuture(e))
                    : Future.succeededFuture());
  }

  /** True when every owner is confirmed gone (absent, or replaced by an object of another uid). */
  private Future<Boolean> ownersGone(KubeObject object) {
    List<OwnerReference> refs = object.meta().ownerReferences;
    if (refs == null || refs.isEmpty()) {
      return Future.succeededFuture(false);
    }
    for (OwnerReference ref : refs) {
      Informer<? extends KubeObject> owners = kinds.get(ref.kind);
      KubeObject owner = owners == null ? null : owners.get(object.meta().namespace, ref.name);
      if (owner != null && owner.meta().uid.equals(ref.uid)) {
        return Future.succeededFuture(false);
      }
    }
    List<Future<Boolean>> checks = new ArrayList<>();
    for (OwnerReference ref : refs) {
      if (!kinds.containsKey(ref.kind)) {
        checks.add(customOwners.gone(object.meta().namespace, ref));
        continue;
      }
      checks.add(
          client
              .get(classes.get(ref.kind), object.meta().namespace, ref.name)
              .map(live -> !ref.uid.equals(live.meta().uid))
              .recover(
                  e ->
                      Errors.isNotFound(e)
                          ? Future.succeededFuture(true)
                          : Future.failedFuture(e)));
    }
    return Future.all(checks).map(all -> checks.stream().allMatch(Future::result));
  }

  private String keyOf(KubeObject o) {
    return kindName(o.getClass()) + "/" + Keys.of(o);
  }

  private static String kindName(Class<?> type) {
    return type.getSimpleName();
  }
}

package dev.skiff.server.controller.replicaset;

import dev.skiff.api.Json;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.OwnerReference;
import dev.skiff.server.controller.support.ControlledChildren;
import dev.skiff.server.controller.support.Owners;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code spec.replicas} pods per ReplicaSet (pods created from its template, with its
 * controller reference) and writes its status. Keys are ReplicaSet keys; a pod event enqueues its
 * controlling ReplicaSet.
 */
public final class ReplicaSetController extends QueueController {
  private final KubeClient client;
  private final Informer<ReplicaSet> replicaSets;
  private final Informer<Pod> pods;
  private final EventRecorder events;
  private final Clock clock;
  private final ControlledChildren<ReplicaSet, Pod> owned;

  public ReplicaSetController(
      Vertx vertx, SharedInformers informers, EventRecorder events, Clock clock, int workers) {
    super(vertx, "replicaset", workers);
    this.client = informers.client();
    this.replicaSets = informers.of(ReplicaSet.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    this.clock = clock;
    this.owned = new ControlledChildren<>(client, replicaSets, pods, Pod.class);
    watch(replicaSets);
    watch(pods, ReplicaSetController::ownerKey);
  }

  static List<String> ownerKey(Pod pod) {
    OwnerReference ref = Owners.controllerOf(pod);
    if (ref == null || !"ReplicaSet".equals(ref.kind)) {
      return List.of();
    }
    return List.of(Keys.of(pod.meta().namespace, ref.name));
  }

  @Override
  protected Future<Void> sync(String key) {
    ReplicaSet rs = owned.parent(key);
    if (rs == null) {
      return Future.succeededFuture();
    }
    ReplicaSetReconciler.Plan plan =
        ReplicaSetReconciler.plan(rs, owned.controlled(key, rs), clock.instant());
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < plan.create(); i++) {
      writes.add(create(key, rs));
    }
    plan.delete().forEach(p -> writes.add(delete(key, rs, p)));
    int minReady = rs.spec().minReadySeconds == null ? 0 : rs.spec().minReadySeconds;
    if (minReady > 0 && plan.status().availableReplicas < plan.status().readyReplicas) {
      enqueueAfter(key, Duration.ofSeconds(1));
    }
    return Future.all(writes).compose(v -> writeStatus(key, rs, plan));
  }

  private Future<Pod> create(String key, ReplicaSet rs) {
    return client
        .create(ReplicaSetReconciler.podFor(rs))
        .onSuccess(
            pod -> {
              owned.wrote(key, pod);
              events.normal(rs, "SuccessfulCreate", "Created pod: " + pod.meta().name);
            })
        .onFailure(e -> events.warning(rs, "FailedCreate", "Error creating: " + e.getMessage()));
  }

  private Future<Void> delete(String key, ReplicaSet rs, Pod pod) {
    return owned
        .delete(key, pod)
        .onSuccess(v -> events.normal(rs, "SuccessfulDelete", "Deleted pod: " + pod.meta().name));
  }

  private Future<Void> writeStatus(String key, ReplicaSet rs, ReplicaSetReconciler.Plan plan) {
    if (!ReplicaSetReconciler.changed(rs.status, plan.status())) {
      return Future.succeededFuture();
    }
    ReplicaSet updated = Json.copy(rs, ReplicaSet.class);
    updated.status = plan.status();
    return owned.writeStatus(key, updated);
  }
}

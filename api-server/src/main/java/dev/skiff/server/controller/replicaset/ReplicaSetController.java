package dev.skiff.server.controller.replicaset;

import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.KubeObject;
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
 * controller reference) and writes its status; the same for ReplicationControllers (one instance
 * per {@link ReplicatedKind}). Keys are parent keys; a pod event enqueues its controlling parent.
 */
public final class ReplicaSetController<T extends KubeObject> extends QueueController {
  private final KubeClient client;
  private final ReplicatedKind<T> kind;
  private final EventRecorder events;
  private final Clock clock;
  private final ControlledChildren<T, Pod> owned;

  public ReplicaSetController(
      Vertx vertx,
      SharedInformers informers,
      ReplicatedKind<T> kind,
      EventRecorder events,
      Clock clock,
      int workers) {
    super(vertx, kind.controllerName(), workers);
    this.client = informers.client();
    this.kind = kind;
    Informer<T> parents = informers.of(kind.type());
    Informer<Pod> pods = informers.of(Pod.class);
    this.events = events;
    this.clock = clock;
    this.owned = new ControlledChildren<>(client, parents, pods, Pod.class);
    watch(parents);
    watch(pods, pod -> Owners.controllerKey(pod, kind.kind()));
  }

  @Override
  protected Future<Void> sync(String key) {
    T parent = owned.parent(key);
    if (parent == null) {
      return Future.succeededFuture();
    }
    ReplicaSet rs = kind.asReplicaSet().apply(parent);
    ReplicaSetReconciler.Plan plan =
        ReplicaSetReconciler.plan(rs, owned.controlled(key, parent), clock.instant());
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < plan.create(); i++) {
      writes.add(create(key, rs));
    }
    plan.delete().forEach(p -> writes.add(delete(key, rs, p)));
    int minReady = rs.spec().minReadySeconds == null ? 0 : rs.spec().minReadySeconds;
    if (minReady > 0 && plan.status().availableReplicas < plan.status().readyReplicas) {
      enqueueAfter(key, Duration.ofSeconds(1));
    }
    return Future.all(writes).compose(v -> writeStatus(key, parent, rs, plan));
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

  private Future<Void> writeStatus(
      String key, T parent, ReplicaSet rs, ReplicaSetReconciler.Plan plan) {
    if (!ReplicaSetReconciler.changed(rs.status, plan.status())) {
      return Future.succeededFuture();
    }
    return owned.writeStatus(key, kind.withStatus().apply(parent, plan.status()));
  }
}

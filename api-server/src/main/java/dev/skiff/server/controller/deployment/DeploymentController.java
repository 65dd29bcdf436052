package dev.skiff.server.controller.deployment;

import dev.skiff.api.Json;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.DeploymentStatus;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.meta.OwnerReference;
import dev.skiff.server.controller.endpoints.ServiceMembers;
import dev.skiff.server.controller.support.ControlledChildren;
import dev.skiff.server.controller.support.Owners;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Deployments: applies {@link DeploymentReconciler}'s plan (create the new ReplicaSet, scale,
 * clean up old ones), writes the status and emits ScalingReplicaSet events. Keys are Deployment
 * keys; ReplicaSet events (and pod events, for Recreate) enqueue the owning Deployment.
 */
public final class DeploymentController extends QueueController {
  private final KubeClient client;
  private final Informer<Deployment> deployments;
  private final Informer<ReplicaSet> replicaSets;
  private final Informer<Pod> pods;
  private final EventRecorder events;
  private final Clock clock;
  private final ControlledChildren<Deployment, ReplicaSet> owned;

  public DeploymentController(
      Vertx vertx, SharedInformers informers, EventRecorder events, Clock clock, int workers) {
    super(vertx, "deployment", workers);
    this.client = informers.client();
    this.deployments = informers.of(Deployment.class);
    this.replicaSets = informers.of(ReplicaSet.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    this.clock = clock;
    this.owned = new ControlledChildren<>(client, deployments, replicaSets, ReplicaSet.class);
    watch(deployments);
    watch(replicaSets, rs -> ownerKey(rs.meta().namespace, Owners.controllerOf(rs)));
    watch(pods, this::deploymentOfPod);
  }

  private static List<String> ownerKey(String namespace, OwnerReference ref) {
    return ref == null || !"Deployment".equals(ref.kind)
        ? List.of()
        : List.of(Keys.of(namespace, ref.name));
  }

  private List<String> deploymentOfPod(Pod pod) {
    OwnerReference ref = Owners.controllerOf(pod);
    if (ref == null || !"ReplicaSet".equals(ref.kind)) {
      return List.of();
    }
    ReplicaSet rs = replicaSets.get(pod.meta().namespace, ref.name);
    return rs == null ? List.of() : ownerKey(rs.meta().namespace, Owners.controllerOf(rs));
  }

  @Override
  protected Future<Void> sync(String key) {
    Deployment d = owned.parent(key);
    if (d == null) {
      return Future.succeededFuture();
    }
    List<ReplicaSet> sets = owned.controlled(key, d);
    Map<String, Integer> podCounts = new HashMap<>();
    for (ReplicaSet rs : sets) {
      long n =
          pods.byIndex(SharedInformers.OWNER_INDEX, rs.meta().uid).stream()
              .filter(p -> !ServiceMembers.isTerminal(p))
              .count();
      podCounts.put(rs.meta().uid, (int) n);
    }
    DeploymentReconciler.Plan plan = DeploymentReconciler.plan(d, sets, podCounts, clock.instant());
    List<Future<?>> writes = new ArrayList<>();
    if (plan.create() != null) {
      writes.add(create(key, d, plan.create()));
    }
    if (plan.revise() != null) {
      writes.add(client.update(plan.revise()).onSuccess(w -> owned.wrote(key, w)));
    }
    plan.scales().forEach(s -> writes.add(scale(key, d, s)));
    plan.delete().forEach(rs -> writes.add(owned.delete(key, rs)));
    return Future.all(writes).compose(v -> writeStatus(key, d, plan));
  }

  private Future<ReplicaSet> create(String key, Deployment d, ReplicaSet rs) {
    return client
        .create(rs)
        .onSuccess(
            created -> {
              owned.wrote(key, created);
              scaled(d, created.meta().name, true, created.spec().replicas, 0);
            });
  }

  private Future<ReplicaSet> scale(String key, Deployment d, DeploymentReconciler.Scale s) {
    ReplicaSet updated = Json.copy(s.rs(), ReplicaSet.class);
    updated.spec().replicas = s.to();
    Map<String, String> annotations =
        updated.meta().annotations == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(updated.meta().annotations);
    annotations.put(DeploymentReconciler.DESIRED_REPLICAS, Integer.toString(Rollout.replicas(d)));
    annotations.put(
        DeploymentReconciler.MAX_REPLICAS,
        Integer.toString(Rollout.replicas(d) + Rollout.maxSurge(d)));
    updated.meta().annotations = annotations;
    return client
        .update(updated)
        .onSuccess(
            written -> {
              owned.wrote(key, written);
              scaled(d, written.meta().name, s.to() > s.from(), s.to(), s.from());
            });
  }

  /** The ScalingReplicaSet event of a ReplicaSet created (up from 0) or scaled. */
  private void scaled(Deployment d, String replicaSet, boolean up, Integer to, int from) {
    events.normal(
        d,
        "ScalingReplicaSet",
        "Scaled "
            + (up ? "up" : "down")
            + " replica set "
            + replicaSet
            + " to "
            + to
            + " from "
            + from);
  }

  private Future<Void> writeStatus(String key, Deployment d, DeploymentReconciler.Plan plan) {
    Object before = Json.mapper().valueToTree(d.status == null ? new DeploymentStatus() : d.status);
    if (before.equals(Json.mapper().valueToTree(plan.status()))) {
      return Future.succeededFuture();
    }
    Deployment updated = Json.copy(d, Deployment.class);
    updated.status = plan.status();
    return owned.writeStatus(key, updated);
  }
}

package dev.skiff.server.controller.statefulset;

import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.apps.StatefulSetStatus;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.controller.history.RevisionedPods;
import dev.skiff.server.controller.support.Owners;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs StatefulSets: applies {@link StatefulSetReconciler}'s plan (the update revision, pod
 * creations and deletions, old revisions) and writes the status. The claims of the pods to create
 * are created first; a pod is created only once its claims exist. Keys are StatefulSet keys; pod
 * and ControllerRevision events enqueue their controlling StatefulSet.
 */
public final class StatefulSetController extends QueueController {
  private final Clock clock;
  private final RevisionedPods<StatefulSet> children;
  private final Informer<PersistentVolumeClaim> claims;
  private final KubeClient client;
  private final EventRecorder events;

  public StatefulSetController(
      Vertx vertx, SharedInformers informers, EventRecorder events, Clock clock, int workers) {
    super(vertx, "statefulset", workers);
    this.clock = clock;
    this.children = new RevisionedPods<>(informers, StatefulSet.class, events, new Texts(), true);
    this.claims = informers.of(PersistentVolumeClaim.class);
    this.client = informers.client();
    this.events = events;
    watch(informers.of(StatefulSet.class));
    watch(informers.of(Pod.class), p -> Owners.controllerKey(p, StatefulSet.KIND));
    watch(informers.of(ControllerRevision.class), r -> Owners.controllerKey(r, StatefulSet.KIND));
  }

  /** Kubernetes' event texts: "create Pod web-0 in StatefulSet web successful". */
  private static final class Texts implements RevisionedPods.PodEvents {
    @Override
    public String created(Pod pod) {
      return "create Pod " + pod.meta().name + " in StatefulSet " + owner(pod) + " successful";
    }

    @Override
    public String deleted(Pod pod) {
      return "delete Pod " + pod.meta().name + " in StatefulSet " + owner(pod) + " successful";
    }

    @Override
    public String failed(String verb, Pod pod, Throwable error) {
      return verb
          + " Pod "
          + pod.meta().name
          + " in StatefulSet "
          + owner(pod)
          + " failed error: "
          + error.getMessage();
    }

    private static String owner(Pod pod) {
      return Owners.controllerOf(pod).name;
    }
  }

  @Override
  protected Future<Void> sync(String key) {
    StatefulSet sts = children.parent(key);
    if (sts == null) {
      return Future.succeededFuture();
    }
    StatefulSetReconciler.Plan plan =
        StatefulSetReconciler.plan(
            sts,
            children.pods(key, sts),
            children.revisions(key, sts),
            claims.list(sts.meta().namespace).stream()
                .map(c -> c.meta().name)
                .collect(Collectors.toSet()),
            clock.instant());
    StatefulSetStatus status = plan.status();
    int minReady = sts.spec().minReadySeconds == null ? 0 : sts.spec().minReadySeconds;
    if (minReady > 0 && status.availableReplicas < status.readyReplicas) {
      enqueueAfter(key, Duration.ofSeconds(1));
    }
    return createClaims(sts, plan)
        .compose(
            v ->
                children.write(
                    key,
                    sts,
                    plan.revision(),
                    plan.create(),
                    plan.delete(),
                    plan.deleteRevisions()))
        .compose(
            v ->
                children.writeStatus(
                    key,
                    sts.status,
                    status,
                    () -> {
                      StatefulSet updated = Json.copy(sts, StatefulSet.class);
                      updated.status = status;
                      return updated;
                    }));
  }

  /**
   * Creates the plan's claims (one that exists already, as a lagging cache may not show, counts as
   * created, without an event), with Kubernetes' events: "create Claim data-web-0 Pod web-0 in
   * StatefulSet web success". Fails when a claim could not be created, so that no pod is created
   * without it.
   */
  private Future<Void> createClaims(StatefulSet sts, StatefulSetReconciler.Plan plan) {
    List<Future<?>> writes = new ArrayList<>();
    for (PersistentVolumeClaim claim : plan.createClaims()) {
      String pod = podOf(claim, plan.create());
      String text =
          " Claim " + claim.meta().name + " Pod " + pod + " in StatefulSet " + sts.meta().name;
      writes.add(
          client
              .create(claim)
              .onSuccess(c -> events.normal(sts, "SuccessfulCreate", "create" + text + " success"))
              .<Void>mapEmpty()
              .recover(
                  e ->
                      Errors.isAlreadyExists(e) ? Future.succeededFuture() : Future.failedFuture(e))
              .onFailure(
                  e ->
                      events.warning(
                          sts,
                          "FailedCreate",
                          "create" + text + " failed error: " + e.getMessage())));
    }
    return Future.all(writes).mapEmpty();
  }

  /** The name of the pod (among those to create) a claim {@code T-<pod>} is for. */
  private static String podOf(PersistentVolumeClaim claim, List<Pod> pods) {
    return pods.stream()
        .map(p -> p.meta().name)
        .filter(name -> claim.meta().name.endsWith("-" + name))
        .findFirst()
        .orElse("");
  }
}

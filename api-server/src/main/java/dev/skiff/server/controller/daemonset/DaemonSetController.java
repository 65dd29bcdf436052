package dev.skiff.server.controller.daemonset;

import dev.skiff.api.Json;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.apps.ControllerRevision;
import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.DaemonSetStatus;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.controller.history.RevisionedPods;
import dev.skiff.server.controller.support.Owners;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs DaemonSets: applies {@link DaemonSetReconciler}'s plan (the update revision, pod creations
 * and deletions, old revisions) and writes the status. Keys are DaemonSet keys; pod and
 * ControllerRevision events enqueue their controlling DaemonSet, a node change every DaemonSet (a
 * node that joins, leaves or changes labels or taints may change where they run).
 */
public final class DaemonSetController extends QueueController {
  private final Clock clock;
  private final Informer<Node> nodes;
  private final RevisionedPods<DaemonSet> children;

  public DaemonSetController(
      Vertx vertx, SharedInformers informers, EventRecorder events, Clock clock, int workers) {
    super(vertx, "daemonset", workers);
    this.clock = clock;
    this.nodes = informers.of(Node.class);
    this.children = new RevisionedPods<>(informers, DaemonSet.class, events, new Texts(), false);
    Informer<DaemonSet> sets = informers.of(DaemonSet.class);
    watch(sets);
    watch(informers.of(Pod.class), p -> Owners.controllerKey(p, DaemonSet.KIND));
    watch(informers.of(ControllerRevision.class), r -> Owners.controllerKey(r, DaemonSet.KIND));
    watchChanges(nodes, n -> sets.list().stream().map(Keys::of).toList());
  }

  /** The pod control's event texts, as for ReplicaSets: "Created pod: agent-x7k2p". */
  private static final class Texts implements RevisionedPods.PodEvents {
    @Override
    public String created(Pod pod) {
      return "Created pod: " + pod.meta().name;
    }

    @Override
    public String deleted(Pod pod) {
      return "Deleted pod: " + pod.meta().name;
    }

    @Override
    public String failed(String verb, Pod pod, Throwable error) {
      return "Error " + verb.replaceAll("e$", "") + "ing: " + error.getMessage();
    }
  }

  @Override
  protected Future<Void> sync(String key) {
    DaemonSet ds = children.parent(key);
    if (ds == null) {
      return Future.succeededFuture();
    }
    DaemonSetReconciler.Plan plan =
        DaemonSetReconciler.plan(
            ds, children.pods(key, ds), nodes.list(), children.revisions(key, ds), clock.instant());
    DaemonSetStatus status = plan.status();
    int minReady = ds.spec().minReadySeconds == null ? 0 : ds.spec().minReadySeconds;
    if (minReady > 0 && status.numberAvailable < status.numberReady) {
      enqueueAfter(key, Duration.ofSeconds(1));
    }
    return children
        .write(key, ds, plan.revision(), plan.create(), plan.delete(), plan.deleteRevisions())
        .compose(
            v ->
                children.writeStatus(
                    key,
                    ds.status,
                    status,
                    () -> {
                      DaemonSet updated = Json.copy(ds, DaemonSet.class);
                      updated.status = status;
                      return updated;
                    }));
  }
}

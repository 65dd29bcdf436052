package dev.skiff.server.controller.scheduler;

import dev.skiff.api.Json;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.PatchType;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.client.informer.Keys;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodCondition;
import dev.skiff.api.model.meta.Times;
import dev.skiff.api.model.storage.StorageClass;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.controller.endpoints.ServiceMembers;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds pending pods (no spec.nodeName, default scheduler) to nodes chosen by {@link Scheduling},
 * through {@code pods/{name}/binding}. A pod that fits nowhere gets PodScheduled=False
 * (Unschedulable) and a FailedScheduling event, and is retried when nodes change and on a timer.
 * Bindings not yet visible in the cache are "assumed", so a burst of pods spreads correctly.
 */
public final class SchedulerController extends QueueController {
  public static final String NAME = "default-scheduler";
  private static final Duration RETRY_UNSCHEDULABLE = Duration.ofSeconds(5);
  private static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";

  private final KubeClient client;
  private final Informer<Pod> pods;
  private final Informer<Node> nodes;
  private final Informer<PersistentVolumeClaim> claims;
  private final Informer<PersistentVolume> volumesByName;
  private final Informer<StorageClass> classes;
  private final EventRecorder events;
  private final Clock clock;
  private final Map<String, Pod> assumed = new ConcurrentHashMap<>();

  public SchedulerController(
      Vertx vertx, SharedInformers informers, EventRecorder events, Clock clock, int workers) {
    super(vertx, "scheduler", workers);
    this.client = informers.client();
    this.pods = informers.of(Pod.class);
    this.nodes = informers.of(Node.class);
    this.claims = informers.of(PersistentVolumeClaim.class);
    this.volumesByName = informers.of(PersistentVolume.class);
    this.classes = informers.of(StorageClass.class);
    this.events = events;
    this.clock = clock;
    watch(pods, p -> needsScheduling(p) ? List.of(Keys.of(p)) : List.of());
    watch(nodes, n -> pendingKeys());
    watchChanges(claims, c -> pendingKeys());
  }

  static boolean needsScheduling(Pod pod) {
    String scheduler = pod.spec == null ? null : pod.spec.schedulerName;
    return pod.spec != null
        && (pod.spec.nodeName == null || pod.spec.nodeName.isEmpty())
        && pod.meta().deletionTimestamp == null
        && !ServiceMembers.isTerminal(pod)
        && (scheduler == null || scheduler.isEmpty() || NAME.equals(scheduler));
  }

  private List<String> pendingKeys() {
    return pods.list().stream().filter(SchedulerController::needsScheduling).map(Keys::of).toList();
  }

  @Override
  protected Future<Void> sync(String key) {
    Pod pod = pods.get(key);
    if (pod == null || !needsScheduling(pod) || isAssumed(key, pod)) {
      return Future.succeededFuture();
    }
    String ns = pod.meta().namespace;
    VolumeFit volumes =
        VolumeFit.of(pod, name -> claims.get(ns, name), volumesByName::get, classes::get);
    if (volumes.error() != null) {
      enqueueAfter(key, RETRY_UNSCHEDULABLE);
      return unschedulable(
          pod, "0/" + nodes.list().size() + " nodes are available: " + volumes.error() + ".");
    }
    Scheduling.Decision decision =
        Scheduling.decide(pod, nodes.list(), podsByNode(), volumes::unfit);
    if (!decision.scheduled()) {
      enqueueAfter(key, RETRY_UNSCHEDULABLE);
      return unschedulable(pod, decision.reason());
    }
    return selectNode(volumes, decision.node()).compose(v -> bind(key, pod, decision));
  }

  /** Gives the WaitForFirstConsumer claims the chosen node, for their provisioner. */
  private Future<Void> selectNode(VolumeFit volumes, String node) {
    List<Future<?>> patches = new ArrayList<>();
    for (PersistentVolumeClaim pvc : volumes.unbound()) {
      Map<String, String> a = pvc.meta().annotations;
      if (a != null && node.equals(a.get(SELECTED_NODE))) {
        continue;
      }
      Map<String, Object> patch =
          Map.of("metadata", Map.of("annotations", Map.of(SELECTED_NODE, node)));
      patches.add(
          client.patch(
              PersistentVolumeClaim.class,
              pvc.meta().namespace,
              pvc.meta().name,
              PatchType.MERGE,
              patch));
    }
    return Future.all(patches).mapEmpty();
  }

  private Future<Void> bind(String key, Pod pod, Scheduling.Decision decision) {
    Pod bound = Json.copy(pod, Pod.class);
    bound.spec.nodeName = decision.node();
    assumed.put(key, bound);
    Map<String, Object> binding =
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "Binding",
            "metadata",
            Map.of("name", pod.meta().name, "namespace", pod.meta().namespace),
            "target",
            Map.of("apiVersion", "v1", "kind", "Node", "name", decision.node()));
    String uri = Resources.PODS.itemPath(pod.meta().namespace, pod.meta().name) + "/binding";
    return client
        .raw()
        .request(io.vertx.core.http.HttpMethod.POST, uri, "application/json", binding)
        .onSuccess(
            v ->
                events.normal(
                    pod, "Scheduled", "Successfully assigned " + key + " to " + decision.node()))
        .onFailure(e -> assumed.remove(key))
        .<Void>mapEmpty()
        .recover(
            e ->
                Errors.isConflict(e) || Errors.isNotFound(e)
                    ? Future.succeededFuture()
                    : Future.failedFuture(e));
  }

  /**
   * Whether this very pod (same uid: a StatefulSet recreates a deleted pod under its name at once)
   * has a binding in flight.
   */
  private boolean isAssumed(String key, Pod pod) {
    Pod bound = assumed.get(key);
    return bound != null && Objects.equals(bound.meta().uid, pod.meta().uid);
  }

  /** Bound and assumed pods per node; an assumption ends once the cache shows the binding. */
  private Map<String, List<Pod>> podsByNode() {
    Map<String, List<Pod>> byNode = new HashMap<>();
    for (Node node : nodes.list()) {
      List<Pod> on = new ArrayList<>();
      for (Pod p : pods.byIndex(SharedInformers.NODE_INDEX, node.meta().name)) {
        if (!ServiceMembers.isTerminal(p)) {
          on.add(p);
        }
      }
      byNode.put(node.meta().name, on);
    }
    assumed.forEach(
        (key, pod) -> {
          Pod cached = pods.get(key);
          if (cached == null || !needsScheduling(cached) || !isAssumed(key, cached)) {
            assumed.remove(key, pod);
          } else {
            byNode.computeIfAbsent(pod.spec.nodeName, n -> new ArrayList<>()).add(pod);
          }
        });
    return byNode;
  }

  private Future<Void> unschedulable(Pod pod, String reason) {
    events.warning(pod, "FailedScheduling", reason);
    PodCondition current = condition(pod, "PodScheduled");
    if (current != null
        && "False".equals(current.status)
        && "Unschedulable".equals(current.reason)
        && reason.equals(current.message)) {
      return Future.succeededFuture();
    }
    Pod updated = Json.copy(pod, Pod.class);
    List<PodCondition> conditions =
        updated.status().conditions == null ? new ArrayList<>() : updated.status.conditions;
    conditions.removeIf(c -> "PodScheduled".equals(c.type));
    PodCondition c = new PodCondition();
    c.type = "PodScheduled";
    c.status = "False";
    c.reason = "Unschedulable";
    c.message = reason;
    c.lastTransitionTime = Times.now(clock);
    conditions.add(c);
    updated.status.conditions = conditions;
    return client.updateStatus(updated).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  private static PodCondition condition(Pod pod, String type) {
    if (pod.status == null || pod.status.conditions == null) {
      return null;
    }
    return pod.status.conditions.stream().filter(c -> type.equals(c.type)).findFirst().orElse(null);
  }
}

package dev.skiff.server.controller.nodelifecycle;

import dev.skiff.api.Json;
import dev.skiff.api.client.DeleteOptions;
import dev.skiff.api.client.Errors;
import dev.skiff.api.client.EventRecorder;
import dev.skiff.api.client.KubeClient;
import dev.skiff.api.client.informer.Informer;
import dev.skiff.api.model.coordination.Lease;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeCondition;
import dev.skiff.api.model.core.Pod;
import dev.skiff.server.controller.support.QueueController;
import dev.skiff.server.controller.support.SharedInformers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches node heartbeats (Leases in kube-node-lease, and the Ready condition's heartbeat) and
 * applies {@link NodeLifecycleReconciler}: Unknown conditions, pods Ready=False, then eviction
 * (pods deleted with grace period 0: their node is gone). Heartbeat age is measured on this
 * controller's injected clock from when it saw the heartbeat change. Keys are node names.
 */
public final class NodeLifecycleController extends QueueController {
  public static final String LEASE_NAMESPACE = "kube-node-lease";

  private record Heartbeat(String token, Instant seenAt) {}

  private final KubeClient client;
  private final Informer<Node> nodes;
  private final Informer<Lease> leases;
  private final Informer<Pod> pods;
  private final EventRecorder events;
  private final Clock clock;
  private final NodeLifecycleOptions options;
  private final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();

  public NodeLifecycleController(
      Vertx vertx,
      SharedInformers informers,
      EventRecorder events,
      Clock clock,
      NodeLifecycleOptions options) {
    super(vertx, "nodelifecycle", 1);
    this.client = informers.client();
    this.nodes = informers.of(Node.class);
    this.leases = informers.of(Lease.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    this.clock = clock;
    this.options = options;
    watch(nodes, n -> List.of(n.meta().name));
    watch(
        leases,
        l -> LEASE_NAMESPACE.equals(l.meta().namespace) ? List.of(l.meta().name) : List.of());
    enqueueEvery(
        options.monitorPeriod(), () -> nodes.list().stream().map(n -> n.meta().name).toList());
  }

  @Override
  protected Future<Void> sync(String name) {
    Node node = nodes.get(name);
    if (node == null) {
      heartbeats.remove(name);
      return Future.succeededFuture();
    }
    Instant now = clock.instant();
    Heartbeat beat = observe(name, node, now);
    List<Pod> onNode = pods.byIndex(SharedInformers.NODE_INDEX, name);
    NodeLifecycleReconciler.Decision decision =
        NodeLifecycleReconciler.decide(node, beat.seenAt(), onNode, now, options);
    List<Future<?>> writes = new ArrayList<>();
    if (decision.markUnknown()) {
      Node updated = Json.copy(node, Node.class);
      NodeLifecycleReconciler.markUnknown(updated, now);
      events.normal(node, "NodeNotReady", "Node " + name + " status is now: NodeNotReady");
      writes.add(client.updateStatus(updated));
    }
    for (Pod pod : decision.markNotReady()) {
      Pod updated = Json.copy(pod, Pod.class);
      NodeLifecycleReconciler.markNotReady(updated, now);
      writes.add(client.updateStatus(updated).recover(Errors.ignoreNotFound()));
    }
    for (Pod pod : decision.evict()) {
      events.normal(
          pod,
          "TaintManagerEviction",
          "Marking for deletion Pod " + pod.meta().namespace + "/" + pod.meta().name);
      writes.add(
          client
              .delete(
                  Pod.class,
                  pod.meta().namespace,
                  pod.meta().name,
                  DeleteOptions.none().withGracePeriodSeconds(0))
              .recover(Errors.ignoreNotFound()));
    }
    enqueueAfter(name, decision.recheckAfter());
    return Future.all(writes).mapEmpty();
  }

  /** The node's heartbeat token (lease renewTime, Ready heartbeat) and when it last changed. */
  private Heartbeat observe(String name, Node node, Instant now) {
    Lease lease = leases.get(LEASE_NAMESPACE, name);
    NodeCondition ready = NodeLifecycleReconciler.readyCondition(node);
    String token =
        (lease == null || lease.spec == null ? "" : lease.spec.renewTime)
            + "|"
            + (ready == null ? "" : ready.lastHeartbeatTime);
    return heartbeats.compute(
        name,
        (k, old) -> old != null && old.token().equals(token) ? old : new Heartbeat(token, now));
  }
}
